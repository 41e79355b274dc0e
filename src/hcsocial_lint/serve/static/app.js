// The hclint page: plain JavaScript, no framework, no network but this server.
// Offsets in reports count Unicode code points (Python strings); JavaScript strings count UTF-16
// units, so every offset is converted before it touches the text (emoji are common in posts).
"use strict";

const SEVERITIES = ["critical", "error", "warning", "info"];
const RANK = { critical: 3, error: 2, warning: 1, info: 0 };
const $ = (id) => document.getElementById(id);
const state = { rules: {}, report: null, linted: "", upload: null, batch: null, markdown: false };

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

async function api(path, options = {}) {
  const headers = Object.assign({}, options.headers || {});
  const token = $("token").value.trim();
  if (token) headers["Authorization"] = "Bearer " + token;
  const response = await fetch(path, Object.assign({}, options, { headers }));
  let body = null;
  try { body = await response.json(); } catch (e) { body = null; }
  if (!response.ok) {
    let detail = body && body.detail;
    if (Array.isArray(detail)) detail = detail.map((d) => (d.loc || []).join(".") + ": " + d.msg).join("; ");
    throw new Error(detail || response.status + " " + response.statusText);
  }
  return body;
}

const postJSON = (path, data) => api(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(data) });

function say(text, isError = false, where = "status") {
  const node = $(where);
  node.textContent = text;
  node.classList.toggle("error-text", isError);
}

// Code point offset -> UTF-16 offset, for one text.
function unitOffsets(text) {
  const units = [];
  let unit = 0;
  for (const ch of text) { units.push(unit); unit += ch.length; }
  units.push(unit);
  return (cp) => units[Math.max(0, Math.min(cp, units.length - 1))];
}

// ------------------------------------------------------------------ one draft

function draftRequest(text) {
  // A dropped .md file is read as Markdown: its front matter, code and link targets are not prose.
  return { text, kind: $("kind").value, platform: $("platform").value.trim() || null, markdown: state.markdown };
}

async function checkDraft() {
  const text = $("draft").value;
  if (!text.trim()) { say("Paste a draft first.", true); return; }
  say("Checking…");
  try {
    const report = await postJSON("/v1/lint", draftRequest(text));
    showReport(text, report);
    say(report.summary.findings ? "" : "Nothing to flag.");
  } catch (error) { say("Could not check the draft: " + error.message, true); }
}

function showReport(text, report) {
  state.report = report;
  state.linted = text;
  $("result").hidden = false;
  renderHighlights(text, report.findings);
  const s = report.summary;
  const counts = SEVERITIES.filter((sev) => s[sev]).map((sev) => s[sev] + " " + sev);
  $("summary").textContent = s.findings ? s.findings + " finding" + (s.findings > 1 ? "s" : "") + ": " + counts.join(", ") + "."
    : "No findings: nothing here needs a change.";
  for (const problem of report.problems) $("summary").append(el("div", { class: "error-text" }, problem.message));
  const list = $("findings");
  list.replaceChildren(...report.findings.map((f, i) => renderFinding(text, f, i)));
}

function renderHighlights(text, findings) {
  const at = unitOffsets(text);
  const bounds = new Set([0, text.length]);
  const ranges = findings.filter((f) => f.range.end > f.range.start).map((f, i) => ({
    start: at(f.range.start), end: at(f.range.end), severity: f.severity, index: findings.indexOf(f) }));
  for (const r of ranges) { bounds.add(r.start); bounds.add(r.end); }
  const cuts = [...bounds].sort((a, b) => a - b);
  const box = $("highlighted");
  box.replaceChildren();
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    const piece = text.slice(a, b);
    const over = ranges.filter((r) => r.start <= a && b <= r.end);
    if (!over.length) { box.append(piece); continue; }
    const top = over.reduce((m, r) => (RANK[r.severity] > RANK[m.severity] ? r : m));
    const titles = over.map((r) => findings[r.index].rule_id + " " + findings[r.index].severity + ": " + findings[r.index].message);
    box.append(el("mark", { class: "sev-" + top.severity, title: titles.join("\n"), "data-findings": over.map((r) => r.index).join(" ") }, piece));
  }
}

function renderFinding(text, finding, index) {
  const rule = state.rules[finding.rule_id] || {};
  const item = el("li", { class: "finding sev-" + finding.severity, "data-rule": finding.rule_id, id: "finding-" + index },
    el("div", {}, el("span", { class: "badge sev-" + finding.severity }, finding.severity),
      el("span", { class: "what" }, finding.rule_id + " " + finding.rule_name), " — " + finding.message),
    rule.summary ? el("p", { class: "why" }, "What this rule looks for: " + rule.summary) : null,
    el("p", { class: "law" }, "Why it matters: " + finding.citation,
      finding.url ? el("span", {}, " · ", el("a", { href: finding.url, target: "_blank", rel: "noopener noreferrer" }, "read the source")) : null));
  finding.suggestions.forEach((suggestion, k) => item.append(renderSuggestion(text, finding, suggestion, k)));
  item.addEventListener("mouseenter", () => focusMarks(index, true));
  item.addEventListener("mouseleave", () => focusMarks(index, false));
  return item;
}

function focusMarks(index, on) {
  for (const mark of document.querySelectorAll("#highlighted mark")) {
    if ((mark.dataset.findings || "").split(" ").includes(String(index))) mark.classList.toggle("focus", on);
  }
}

function renderSuggestion(text, finding, suggestion, k) {
  const box = el("div", { class: "suggestion" }, el("div", {}, "Suggested: " + suggestion.description));
  if (!suggestion.edits.length || suggestion.applicability === "display") {
    box.append(el("div", { class: "advice" }, "Advice only: rewrite this part by hand."));
    return box;
  }
  const [before, after] = beforeAfter(text, suggestion.edits);
  box.append(el("div", { class: "before" }, el("span", { class: "label" }, "before"), ...before),
             el("div", { class: "after" }, el("span", { class: "label" }, "after"), ...after));
  if (suggestion.applicability === "unsafe") box.append(el("div", { class: "note" }, "Check that the rewrite still says what you mean."));
  box.append(el("button", { type: "button", class: "accept", onclick: () => accept(finding, k) }, "Accept"));
  return box;
}

// The edited stretch of text with some context: nodes before (deleted text marked) and after (new text marked).
function beforeAfter(text, edits) {
  const at = unitOffsets(text);
  const sorted = edits.map((e) => ({ start: at(e.start), end: at(e.end), replacement: e.replacement })).sort((a, b) => a.start - b.start);
  const from = Math.max(0, sorted[0].start - 40);
  const to = Math.min(text.length, sorted[sorted.length - 1].end + 40);
  const before = [from > 0 ? "…" : ""], after = [from > 0 ? "…" : ""];
  let cursor = from;
  for (const e of sorted) {
    const plain = text.slice(cursor, e.start);
    before.push(plain); after.push(plain);
    if (e.end > e.start) before.push(el("del", {}, text.slice(e.start, e.end)));
    if (e.replacement) after.push(el("ins", {}, e.replacement));
    cursor = e.end;
  }
  const tail = text.slice(cursor, to) + (to < text.length ? "…" : "");
  before.push(tail); after.push(tail);
  return [before, after];
}

async function accept(finding, k) {
  const text = state.linted;
  if ($("draft").value !== text) { say("The draft changed since it was checked: check it again, then accept.", true); return; }
  try {
    const request = Object.assign(draftRequest(text), { accept: [{ rule_id: finding.rule_id, start: finding.range.start, end: finding.range.end, suggestion: k }] });
    const outcome = await postJSON("/v1/fix", request);
    $("draft").value = outcome.text;
    showReport(outcome.text, outcome.report);
    say(outcome.not_applied.length ? "Not applied: " + outcome.not_applied[0].reason : "Rewrite accepted.", outcome.not_applied.length > 0);
  } catch (error) { say("Could not apply the rewrite: " + error.message, true); }
}

async function copyText() {
  const text = $("draft").value;
  try {
    await navigator.clipboard.writeText(text);
  } catch (e) {
    $("draft").select();
    document.execCommand("copy");
  }
  say("The text is copied.");
}

// ------------------------------------------------------------------ files

async function readFile(file) {
  say("Reading " + file.name + "…");
  try {
    const data = await file.arrayBuffer();
    const upload = await api("/v1/files?name=" + encodeURIComponent(file.name),
      { method: "POST", headers: { "Content-Type": "application/octet-stream" }, body: data });
    if (upload.kind === "draft") {
      $("draft").value = upload.text;
      state.markdown = upload.markdown;
      $("export").hidden = true;
      say("Read " + file.name + ".");
      await checkDraft();
      return;
    }
    showExport(upload);
    say("Read " + upload.rows.length + " posts from " + file.name + ": pick the text column and check them.");
  } catch (error) { say(error.message, true); }
}

function showExport(upload) {
  state.upload = upload;
  state.batch = null;
  $("export").hidden = false;
  $("export-name").textContent = upload.name;
  const textSelect = $("text-column"), idSelect = $("id-column");
  textSelect.replaceChildren(...upload.columns.map((c) => el("option", { value: c }, c)));
  textSelect.value = upload.text_column;
  idSelect.replaceChildren(el("option", { value: "" }, "(row number)"), ...upload.columns.map((c) => el("option", { value: c }, c)));
  idSelect.value = upload.id_column || "";
  $("download").disabled = true;
  $("results").hidden = true;
  say(upload.problems.length ? upload.problems.length + " rows could not be read: " + upload.problems[0] : "", upload.problems.length > 0, "export-status");
}

function postId(row) {
  const column = $("id-column").value;
  const value = column ? row.fields[column] : null;
  return value === null || value === undefined || value === "" ? "row " + row.record : String(value);
}

async function checkAll() {
  const upload = state.upload;
  const column = $("text-column").value;
  const kinds = ["post", "review-reply", "comment-reply", "ad", "bio", "story"];
  const rows = upload.rows.filter((row) => typeof row.fields[column] === "string" && row.fields[column].trim());
  if (!rows.length) { say("No post text in the column " + column + ".", true, "export-status"); return; }
  say("Checking " + rows.length + " posts…", false, "export-status");
  const posts = rows.map((row) => {
    const kind = kinds.includes(row.fields.kind) ? row.fields.kind : null;
    return { text: row.fields[column], kind: kind || $("kind").value, platform: typeof row.fields.platform === "string" ? row.fields.platform : null };
  });
  try {
    const report = await postJSON("/v1/lint", { posts });
    state.batch = { rows, column, report };
    showBatch();
    const skipped = upload.rows.length - rows.length;
    say(report.summary.findings + " findings in " + rows.length + " posts" + (skipped ? " (" + skipped + " rows without text skipped)" : "") + ".", false, "export-status");
    $("download").disabled = false;
  } catch (error) { say("Could not check the posts: " + error.message, true, "export-status"); }
}

function showBatch() {
  const { rows, column, report } = state.batch;
  const body = $("results").querySelector("tbody");
  body.replaceChildren();
  rows.forEach((row, i) => {
    const found = report.findings.filter((f) => f.record === i + 1);
    const counts = SEVERITIES.map((s) => [s, found.filter((f) => f.severity === s).length]).filter(([, n]) => n);
    body.append(el("tr", {},
      el("td", {}, postId(row)),
      el("td", { class: "text", title: row.fields[column] }, row.fields[column]),
      el("td", {}, ...(counts.length ? counts.map(([s, n]) => el("span", { class: "badge sev-" + s }, n + " " + s)) : ["none"])),
      el("td", {}, el("button", { type: "button", onclick: () => openPost(row, column) }, "Open"))));
  });
  $("results").hidden = false;
}

function openPost(row, column) {
  $("draft").value = row.fields[column];
  state.markdown = false;
  window.scrollTo({ top: 0, behavior: "smooth" });
  checkDraft();
}

function csvCell(value) {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;  // a spreadsheet must not read a cell as a formula
  return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

function downloadReport() {
  const { rows, report } = state.batch;
  const idColumn = $("id-column").value || "row";
  const header = [idColumn, "row", "rule_id", "rule_name", "severity", "line", "column", "matched_text", "message", "citation", "suggestion"];
  const lines = [header.map(csvCell).join(",")];
  for (const f of report.findings) {
    const row = rows[f.record - 1];
    const id = $("id-column").value ? row.fields[$("id-column").value] : row.record;
    const suggestion = f.suggestions.length ? f.suggestions[0].description : "";
    lines.push([id, row.record, f.rule_id, f.rule_name, f.severity, f.range.line, f.range.column, f.matched_text, f.message, f.citation, suggestion].map(csvCell).join(","));
  }
  const blob = new Blob([lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
  const link = el("a", { href: URL.createObjectURL(blob), download: state.upload.name.replace(/\.[^.]+$/, "") + "-hclint-report.csv" });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

// ------------------------------------------------------------------ organisation facts and start-up

function showFacts(config) {
  $("token-box").hidden = !config.token_required;
  $("facts-file").textContent = config.config_file ? " (" + config.config_file + ")" : "";
  const org = config.organisation || {};
  const entries = [["Staff", org.staff], ["Facilities", org.facilities], ["Public figures", org.public_figures],
                   ["Contact for replies", org.contact], ["Kind of organisation", org.kind]];
  const list = $("facts-list");
  list.replaceChildren();
  for (const [label, value] of entries) {
    if (value === undefined || value === null || (Array.isArray(value) && !value.length)) continue;
    list.append(el("dt", {}, label), ...[].concat(value).map((v) => el("dd", {}, String(v))));
  }
  if (config.approved_claims && config.approved_claims.length) {
    list.append(el("dt", {}, "Approved claims"),
      ...config.approved_claims.map((c) => el("dd", {}, "“" + c.text + "”" + (c.substantiation ? " — " + c.substantiation : ""))));
  }
  if (!list.children.length) list.append(el("dd", {}, "None configured."));
}

async function start() {
  $("check").addEventListener("click", checkDraft);
  $("copy").addEventListener("click", copyText);
  $("check-all").addEventListener("click", checkAll);
  $("download").addEventListener("click", downloadReport);
  $("id-column").addEventListener("change", () => state.batch && showBatch());
  $("file").addEventListener("change", (e) => e.target.files.length && readFile(e.target.files[0]));
  const drop = $("drop");
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => { e.preventDefault(); drop.classList.remove("over"); if (e.dataTransfer.files.length) readFile(e.dataTransfer.files[0]); });
  $("token").addEventListener("change", loadServerFacts);
  await loadServerFacts();
}

async function loadServerFacts() {
  try {
    const config = await api("/v1/config");
    showFacts(config);
    const rules = await api("/v1/rules");
    state.rules = Object.fromEntries(rules.map((r) => [r.id, r]));
    document.body.dataset.ready = "yes";
  } catch (error) {
    $("token-box").hidden = false;
    say("Enter the access token this server needs (" + error.message + ").", true);
  }
}

start();
