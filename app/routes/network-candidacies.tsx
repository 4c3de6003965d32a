// Placeholder while the page is being built (networks issue); replaced by its owner.
export default function Placeholder() {
  return <h1>…</h1>;
}
