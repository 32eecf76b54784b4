// The API's page (/api/v1/docs): the OpenAPI description the station serves, drawn as a list of
// operations with their parameters, bodies and answers; no third-party viewer (the pages' CSP allows
// only the station's own scripts, and a station has no internet to fetch one from).

import { get } from "./api.js";
import { $, clear, h } from "./dom.js";
import { apply, languageSwitch, loadLanguage, t } from "./i18n.js";
import { errorNote, table } from "./ui.js";

const METHODS = ["get", "post", "put", "patch", "delete"];
let description = null;

// "#/components/schemas/Connector" -> "Connector"; an inline schema by its type.
function schemaName(schema) {
  if (!schema) return "—";
  if (schema.$ref) return schema.$ref.split("/").pop();
  if (schema.type === "array") return `${schemaName(schema.items)}[]`;
  if (schema.anyOf) return schema.anyOf.map(schemaName).join(" | ");
  return schema.type || "object";
}

function bodyOf(content) {
  if (!content) return "—";
  return Object.entries(content).map(([type, media]) => `${type}: ${schemaName(media.schema)}`).join(", ");
}

function operation(path, method, op) {
  const id = `${method}-${path}`.replace(/[^A-Za-z0-9]+/g, "-");
  const parameters = op.parameters || [];
  return h(
    "section",
    { class: "card operation", id, dataset: { method, path } },
    h("h2", {}, h("code", { class: `method ${method}`, text: method.toUpperCase() }), " ", h("code", { text: path })),
    op.summary ? h("p", { class: "lead", text: op.summary }) : null,
    op.description ? h("p", { class: "muted", text: op.description }) : null,
    parameters.length
      ? table(
          ["apidocs.name", "apidocs.in", "apidocs.type", "apidocs.required"],
          parameters.map((p) => ({ cells: [p.name, p.in, schemaName(p.schema), t(p.required ? "apidocs.yes" : "apidocs.no")] })),
        )
      : null,
    op.requestBody ? h("p", {}, h("strong", { text: t("apidocs.body") }), " ", bodyOf(op.requestBody.content)) : null,
    table(
      ["apidocs.status", "apidocs.answer", "apidocs.content"],
      Object.entries(op.responses || {}).map(([status, answer]) => ({ cells: [status, answer.description || "", bodyOf(answer.content)] })),
    ),
  );
}

function draw() {
  if (!description) return;
  const about = $("#about");
  clear(about, h("h2", { text: `${description.info.title} ${description.info.version}` }));
  // The description's paragraphs, as text (never as markup).
  for (const paragraph of (description.info.description || "").split(/\n\s*\n/)) {
    about.append(h("p", { text: paragraph.replace(/\s*\n\s*/g, " ") }));
  }
  const sections = [];
  const links = [];
  for (const [path, item] of Object.entries(description.paths)) {
    for (const method of METHODS.filter((m) => item[m])) {
      const section = operation(path, method, item[method]);
      sections.push(section);
      links.push(h("li", {}, h("a", { href: `#${section.id}`, text: `${method.toUpperCase()} ${path}` })));
    }
  }
  clear($("#contents"), h("h2", { text: t("apidocs.contents", { count: sections.length }) }), h("ul", { class: "plain columns" }, links));
  clear($("#operations"), sections);
}

async function boot() {
  await loadLanguage();
  apply(document);
  languageSwitch($("#language"), draw);
  try {
    description = await get("/openapi.json");
    draw();
  } catch (error) {
    clear($("#operations"), errorNote(error));
  }
}

boot();
