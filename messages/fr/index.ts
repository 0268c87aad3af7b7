import account from "./account.json";
import api from "./api.json";
import emails from "./emails.json";
import forms from "./forms.json";
import problems from "./problems.json";
import recovery from "./recovery.json";
import shop from "./shop.json";
import signIn from "./signIn.json";
import signUp from "./signUp.json";
import verification from "./verification.json";

export default { account, api, emails, forms, problems, recovery, shop, signIn, signUp, verification };
