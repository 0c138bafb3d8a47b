"use strict";
// The page of pegpdf serve: it sends the workbooks to /api/check, shows
// every problem, and when there is no error asks for the document.
(function () {
  const form = document.getElementById("form");
  const input = document.getElementById("files");
  const drop = document.getElementById("drop");
  const chosen = document.getElementById("chosen");
  const status = document.getElementById("status");
  const go = document.getElementById("go");
  const problems = document.getElementById("problems");
  const body = document.getElementById("problems-body");
  const result = document.getElementById("result");
  const download = document.getElementById("download");
  let files = [];
  let url = null;

  function show(list) {
    files = Array.from(list).filter((f) => /\.(xlsx|ods)$/i.test(f.name) || f.type.includes("spreadsheet"));
    chosen.textContent = "";
    for (const f of files) {
      const li = document.createElement("li");
      li.textContent = f.name + " (" + Math.ceil(f.size / 1024) + " KB)";
      chosen.appendChild(li);
    }
    if (list.length && !files.length) say("Nessun file .xlsx o .ods tra quelli scelti.");
  }
  input.addEventListener("change", () => show(input.files));
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => { e.preventDefault(); drop.classList.remove("over"); show(e.dataTransfer.files); });

  function say(text, busy) {
    status.textContent = text;
    status.classList.toggle("busy", !!busy);
  }

  function fields(withFiles) {
    const fd = new FormData();
    for (const f of withFiles) fd.append("files", f, f.name);
    for (const name of ["as-of", "entity", "title", "subtitle"]) {
      const v = document.getElementById(name).value.trim();
      if (v) fd.append(name, v);
    }
    fd.append("pdfa", document.getElementById("pdfa").checked ? "true" : "false");
    return fd;
  }

  function table(report) {
    body.textContent = "";
    let errors = 0, warnings = 0;
    for (const f of report.files) {
      for (const p of f.problems) {
        const tr = document.createElement("tr");
        const kind = p.severity === "error" ? "errore" : "avviso";
        if (kind === "errore") errors++; else warnings++;
        for (const [text, cls] of [[f.name], [p.sheet], [p.cell], [kind, kind], [p.message]]) {
          const td = document.createElement("td");
          td.textContent = text || "";
          if (cls) td.className = cls;
          tr.appendChild(td);
        }
        body.appendChild(tr);
      }
    }
    document.getElementById("problems-summary").textContent =
      errors + (errors === 1 ? " errore" : " errori") + " e " + warnings + (warnings === 1 ? " avviso" : " avvisi") +
      (errors ? ": correggere i file e caricarli di nuovo." : ": i documenti si possono produrre.");
    problems.hidden = errors + warnings === 0;
    return errors;
  }

  async function json(response) {
    try { return await response.json(); } catch (e) { return { error: "risposta non valida dal server" }; }
  }

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    result.hidden = true;
    problems.hidden = true;
    if (!files.length) { say("Scegliere almeno un file .xlsx o .ods."); input.focus(); return; }
    const kind = form.querySelector("input[name=kind]:checked").value;
    go.disabled = true;
    try {
      say("Controllo dei file in corso…", true);
      let r = await fetch("api/check", { method: "POST", body: fields(files) });
      if (!r.ok) { say((await json(r)).error || "Controllo non riuscito."); return; }
      const errors = table(await r.json());
      if (errors) {
        say("I file hanno errori: nessun documento prodotto.");
        document.getElementById("problems-title").focus();
        return;
      }
      say("Produzione del documento in corso, attendere…", true);
      r = await fetch("api/" + kind, { method: "POST", body: fields(files) });
      if (r.status === 422) { table(await r.json()); say("I file hanno errori: nessun documento prodotto."); return; }
      if (!r.ok) { say((await json(r)).error || "Produzione non riuscita."); return; }
      const blob = await r.blob();
      const cd = r.headers.get("Content-Disposition") || "";
      const m = /filename="?([^";]+)"?/.exec(cd);
      if (url) URL.revokeObjectURL(url);
      url = URL.createObjectURL(blob);
      download.href = url;
      download.download = m ? m[1] : "pegpdf";
      download.textContent = "Scarica " + download.download + " (" + Math.ceil(blob.size / 1024) + " KB)";
      result.hidden = false;
      say("Documento pronto.");
      document.getElementById("result-title").focus();
    } catch (err) {
      say("Il server non risponde: " + err.message);
    } finally {
      go.disabled = false;
    }
  });
})();
