/** A URL path segment from a name: "Prefeitura de São Paulo" → "prefeitura-de-sao-paulo". */
export function slugify(name: string, maxLength = 60): string {
  const slug = name
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/, "");
  return slug || "org";
}
