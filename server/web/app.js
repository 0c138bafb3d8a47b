"use strict";
// The page of pegpdf serve: it sends the workbooks to /api/check, shows
// every problem, and when there is no error asks for the document.
// Accessibility: the button is never disabled (aria-disabled and a guard
// instead), so focus never falls to <body>; every answer moves focus to
// something a keyboard user can act on: the field at fault, the problems,
// the download or the status line.
(function () {
  const $ = (id) => document.getElementById(id);
  const form = $("form");
  const input = $("files");
  const drop = $("drop");
  const chosen = $("chosen");
  const status = $("status");
  const elapsed = $("elapsed");
  const go = $("go");
  const problems = $("problems");
  const body = $("problems-body");
  const result = $("result");
  const download = $("download");
  let files = [];
  let url = null;
  let working = false;
  let limit = "";

  // The server's limits and exposure, said in words.
  fetch("api/info").then((r) => r.ok ? r.json() : null).then((info) => {
    if (!info) return;
    limit = info.timeout;
    $("limits").textContent = "Limiti: " + info.maxSize + " per richiesta, caricati entro " + info.uploadTimeout +
      "; ogni conversione al massimo " + info.timeout + ".";
    if (info.remote) {
      const n = $("network");
      n.textContent = info.token
        ? "Questa pagina è aperta alla rete dell'ente ed è protetta da un codice di accesso."
        : "Attenzione: questa pagina è aperta a tutta la rete, senza codice di accesso: chiunque in rete può usarla e vedere i file caricati.";
      n.hidden = false;
    }
  }).catch(() => {});

  // Field errors: the message under the field, aria-invalid, and focus.
  function fieldError(id, text) {
    const f = $(id), e = $(id + "-error");
    f.setAttribute("aria-invalid", "true");
    e.textContent = text;
    e.hidden = false;
  }
  function clearErrors() {
    for (const id of ["files", "as-of", "year", "theme", "mapping"]) {
      $(id).removeAttribute("aria-invalid");
      $(id + "-error").hidden = true;
      $(id + "-error").textContent = "";
    }
  }
  function fail(text, field) {
    if (field && $(field + "-error")) {
      fieldError(field, text);
      say(text);
      $(field).focus();
    } else {
      say(text);
      status.focus();
    }
  }

  function show(list) {
    files = Array.from(list).filter((f) => /\.(xlsx|ods)$/i.test(f.name) || f.type.includes("spreadsheet"));
    chosen.textContent = "";
    for (const f of files) {
      const li = document.createElement("li");
      li.textContent = f.name + " (" + Math.ceil(f.size / 1024) + " KB)";
      chosen.appendChild(li);
    }
    if (files.length) { $("files").removeAttribute("aria-invalid"); $("files-error").hidden = true; }
    if (list.length && !files.length) fieldError("files", "«File Excel»: nessun file .xlsx o .ods tra quelli scelti: sceglierne almeno uno.");
  }
  input.addEventListener("change", () => show(input.files));
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => { e.preventDefault(); drop.classList.remove("over"); show(e.dataTransfer.files); });

  function say(text, busy) {
    status.textContent = text;
    status.classList.toggle("busy", !!busy);
  }

  // The elapsed time, shown (not announced) while the server works.
  let timer = null;
  function clock(on) {
    clearInterval(timer);
    elapsed.hidden = !on;
    if (!on) return;
    const start = Date.now();
    const tick = () => {
      const s = Math.floor((Date.now() - start) / 1000);
      const m = Math.floor(s / 60);
      const words = (m ? m + (m === 1 ? " minuto e " : " minuti e ") : "") + (s % 60) + ((s % 60) === 1 ? " secondo" : " secondi");
      elapsed.textContent = "Tempo trascorso: " + words + (limit ? " (al massimo " + limit + ")" : "") + ".";
    };
    tick();
    timer = setInterval(tick, 1000);
  }

  // The page checks what it can before sending; the server checks again.
  function validDate(v) {
    const m = /^(\d{1,2})[\/.-](\d{1,2})[\/.-](\d{4})$/.exec(v);
    if (!m) return false;
    const d = new Date(Date.UTC(+m[3], +m[2] - 1, +m[1]));
    return d.getUTCFullYear() === +m[3] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[1];
  }
  function validate() {
    if (!files.length) return ["files", "«File Excel»: nessun file scelto: scegliere almeno un file .xlsx o .ods."];
    const asOf = $("as-of").value.trim();
    if (asOf && !validDate(asOf)) {
      return ["as-of", "«Data di riferimento del monitoraggio»: \"" + asOf + "\" non è una data: scriverla come gg/mm/aaaa, ad esempio 31/07/2019."];
    }
    const year = $("year").value.trim();
    if (year && !(/^\d{4}$/.test(year) && +year >= 1900 && +year <= 2200)) {
      return ["year", "«Anno in copertina»: \"" + year + "\" non è un anno: scriverlo con quattro cifre, ad esempio 2019, o lasciare vuoto."];
    }
    return null;
  }

  function fields(withFiles) {
    const fd = new FormData();
    for (const f of withFiles) fd.append("files", f, f.name);
    for (const name of ["as-of", "entity", "title", "subtitle", "year", "password"]) {
      const v = $(name).value.trim();
      if (v) fd.append(name, v);
    }
    for (const name of ["pdfa", "duplex", "with-sheets"]) fd.append(name, $(name).checked ? "true" : "false");
    const theme = $("theme").files[0];
    if (theme) fd.append("theme", theme, theme.name);
    const mapping = $("mapping").files[0];
    if (mapping) fd.append("mapping", mapping, mapping.name);
    return fd;
  }

  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

  // table fills the problems table and returns the counts.
  function table(report) {
    body.textContent = "";
    let errors = 0, warnings = 0;
    for (const f of report.files) {
      for (const p of f.problems) {
        const tr = document.createElement("tr");
        tr.setAttribute("role", "row");
        const kind = p.severity === "error" ? "errore" : "avviso";
        if (kind === "errore") errors++; else warnings++;
        for (const [text, cls, label] of [[f.name, "file", "File"], [p.sheet, "short", "Foglio"], [p.cell, "short", "Cella"],
          [kind, "short " + kind, "Tipo"], [p.message, "message", "Messaggio"]]) {
          const td = document.createElement("td");
          td.textContent = text || "";
          td.className = cls;
          td.setAttribute("role", "cell"); // kept when the narrow layout stacks the rows
          td.dataset.label = label;
          tr.appendChild(td);
        }
        body.appendChild(tr);
      }
    }
    $("problems-summary").textContent = plural(errors, "errore", "errori") + " e " + plural(warnings, "avviso", "avvisi") +
      (errors ? ": correggere i file e caricarli di nuovo." : ": nessun errore nei file.");
    problems.hidden = errors + warnings === 0;
    return { errors, warnings };
  }

  async function json(response) {
    try { return await response.json(); } catch (e) { return { error: "risposta non valida dal server (" + response.status + "): riprovare" }; }
  }

  // answerError says a non-200 answer and moves focus where it helps.
  async function answerError(r, what) {
    const e = await json(r);
    let text = e.error || what + " non riuscito: riprovare";
    text = text.charAt(0).toUpperCase() + text.slice(1) + (/[.!]$/.test(text) ? "" : ".");
    fail(text, e.field);
  }

  // The problems as CSV for Excel, asked of the server when wanted.
  const csvButton = $("problems-csv");
  csvButton.addEventListener("click", async () => {
    if (working) return;
    working = true;
    csvButton.setAttribute("aria-disabled", "true");
    try {
      say("Preparazione dell'elenco dei problemi…", true);
      const r = await fetch("api/problems", { method: "POST", body: fields(files) });
      if (!r.ok) { await answerError(r, "Elenco dei problemi"); return; }
      const a = document.createElement("a");
      a.href = URL.createObjectURL(await r.blob());
      a.download = "esito.csv";
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 60000);
      say("Elenco dei problemi scaricato: esito.csv.");
    } catch (err) {
      fail("Il server non risponde: controllare che «pegpdf servizio» sia ancora avviato e riprovare.");
    } finally {
      status.classList.remove("busy");
      working = false;
      csvButton.removeAttribute("aria-disabled");
    }
  });

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (working) return; // the button is aria-disabled, never disabled
    result.hidden = true;
    problems.hidden = true;
    clearErrors();
    const bad = validate();
    if (bad) { fail(bad[1], bad[0]); return; }
    const kind = form.querySelector("input[name=kind]:checked").value;
    working = true;
    go.setAttribute("aria-disabled", "true");
    try {
      say("Controllo dei file in corso…", true);
      clock(true);
      let r = await fetch("api/check", { method: "POST", body: fields(files) });
      if (!r.ok) { await answerError(r, "Controllo"); return; }
      const counts = table(await r.json());
      if (counts.errors) {
        say("I file hanno errori: nessun documento prodotto. Correggerli e caricarli di nuovo.");
        $("problems-title").focus();
        return;
      }
      say("Produzione del documento in corso, attendere…", true);
      r = await fetch("api/" + kind, { method: "POST", body: fields(files) });
      if (r.status === 422) {
        table(await r.json());
        say("I file hanno errori: nessun documento prodotto. Correggerli e caricarli di nuovo.");
        $("problems-title").focus();
        return;
      }
      if (!r.ok) { await answerError(r, "Produzione"); return; }
      const blob = await r.blob();
      const cd = r.headers.get("Content-Disposition") || "";
      const m = /filename="?([^";]+)"?/.exec(cd);
      if (url) URL.revokeObjectURL(url);
      url = URL.createObjectURL(blob);
      download.href = url;
      download.download = m ? m[1] : "pegpdf";
      download.textContent = "Scarica " + download.download + " (" + Math.ceil(blob.size / 1024) + " KB)";
      result.hidden = false;
      say(counts.warnings ? "Documento pronto, con " + plural(counts.warnings, "avviso", "avvisi") + ": vederli nella tabella." : "Documento pronto.");
      $("result-title").focus();
    } catch (err) {
      fail("Il server non risponde: controllare che «pegpdf servizio» sia ancora avviato e riprovare.");
    } finally {
      clock(false);
      status.classList.remove("busy");
      working = false;
      go.removeAttribute("aria-disabled");
    }
  });
})();
