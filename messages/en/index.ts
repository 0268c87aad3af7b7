import forms from "./forms.json";
import problems from "./problems.json";

export default { forms, problems };
