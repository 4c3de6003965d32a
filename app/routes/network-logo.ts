// Placeholder while the resource route is being built (networks issue); replaced by its owner.
export function loader() {
  return new Response(null, { status: 404 });
}
