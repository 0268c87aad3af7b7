import { useTranslations } from "next-intl";
import { ShopLink } from "@/app/_components/shop-link";
import { pageSettings } from "@/app/_server/env";

const CATEGORIES = ["kitchen", "home", "outdoors"] as const;

export default function HomePage() {
  const t = useTranslations("shop.home");
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <div>
          <h1 id="hero-title">{t("title")}</h1>
          <p>{t("welcome", { storeName: pageSettings().storeName })}</p>
          <div className="button-row">
            <ShopLink className="button button-primary" href="/login">
              {t("signIn")}
            </ShopLink>
            <ShopLink className="button button-secondary" href="/register">
              {t("createAccount")}
            </ShopLink>
          </div>
        </div>
        <div className="hero-art" aria-hidden="true" />
      </section>
      <h2 className="visually-hidden">{t("categoriesHeading")}</h2>
      <ul className="category-grid">
        {CATEGORIES.map((category) => (
          <li key={category} className="category-card">
            <h3>{t(`categories.${category}.name`)}</h3>
            <p>{t(`categories.${category}.blurb`)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
