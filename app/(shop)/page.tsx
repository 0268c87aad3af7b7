import { pageSettings } from "@/app/_server/env";

const categories = [
  { name: "Kitchen", blurb: "Stoneware, linen and tools that last." },
  { name: "Home", blurb: "Blankets, candles and quiet lighting." },
  { name: "Outdoors", blurb: "Sturdy bags and bottles for every trail." },
];

export default function HomePage() {
  const { storeName } = pageSettings();
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <div>
          <h1 id="hero-title">Thoughtful goods for everyday living</h1>
          <p>
            Welcome to {storeName}. Sign in to manage your account, or create one in under a minute.
          </p>
          <div className="button-row">
            <a className="button button-primary" href="/login">
              Sign in
            </a>
            <a className="button button-secondary" href="/register">
              Create an account
            </a>
          </div>
        </div>
        <div className="hero-art" aria-hidden="true" />
      </section>
      <h2 className="visually-hidden">Shop by category</h2>
      <ul className="category-grid">
        {categories.map((category) => (
          <li key={category.name} className="category-card">
            <h3>{category.name}</h3>
            <p>{category.blurb}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
