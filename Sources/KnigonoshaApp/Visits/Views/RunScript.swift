extension RunView {
    /// The run page's offline queue. An outcome recorded without a connection waits on the phone
    /// (localStorage) under an idempotency key made once, when it is queued, and is sent to
    /// `POST /api/v1/visits/{id}/outcome` with the web session and its CSRF header.
    ///
    /// It leaves the phone only when the server confirms it: a 2xx whose stop shows the recorded
    /// status (a resend under the same key gets the first answer again). A 401, a redirect (seen
    /// as an opaque redirect), a network error or a 5xx keep it waiting; 401 and redirects ask
    /// the carrier to sign in again. A refusal (403, 404, 409, 422) keeps it too, next to its
    /// stop, with the server's reason, until the carrier sends it again or removes it.
    /// Texts come from `#run-messages`; nothing is written with innerHTML.
    static let script = #"""
        (function () {
          "use strict";
          var QUEUE = "kn-run-queue-v2", LEGACY = "kn-run-queue";
          var text = document.getElementById("queue-text");
          var banner = document.getElementById("offline-status");
          var signin = document.getElementById("queue-signin");
          var busy = false, timer = null, sent = {};
          // Outcomes belong to the account that recorded them: on a phone shared after a session
          // ended, another carrier neither sends nor sees them (they wait for their own account).
          var account = (document.getElementById("run-messages") || { getAttribute: function () { return ""; } }).getAttribute("data-account") || "";
          function mine(i) { return !i.owner || i.owner === account; }

          function msg(name, n, reason) {
            var el = document.querySelector('#run-messages [data-m="' + name + '"]');
            return (el ? el.textContent : name).replace("{count}", String(n || 0)).replace("{reason}", reason || "");
          }
          function newKey() {
            if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
            var b = new Uint8Array(16);
            crypto.getRandomValues(b);
            b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
            var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
            return [h.slice(0, 8), h.slice(8, 12), h.slice(12, 16), h.slice(16, 20), h.slice(20)].join("-");
          }
          // An outcome as the form has it: the visit from the form's address, the fields as the API takes them.
          function fromForm(action, entries, key) {
            var m = /\/run\/([0-9a-fA-F-]{36})\/outcome/.exec(action || "");
            if (!m) return null;
            var p = { ratings: {} };
            entries.forEach(function (e) {
              var name = e[0], value = String(e[1]);
              var r = /^ratings\[(.+)\]$/.exec(name);
              if (r) { if (value !== "") p.ratings[r[1]] = /^\d+$/.test(value) ? Number(value) : value; }
              else if (name === "outcome" || name === "comment") p[name] = value;
              else if (name === "minutes_spent" && value !== "") p.minutes_spent = /^\d+$/.test(value) ? Number(value) : value;
            });
            p.key = key || newKey();
            return { visit: m[1].toLowerCase(), key: p.key, payload: p, state: "waiting", reason: "", code: 0 };
          }
          function load() {
            var q;
            try { q = JSON.parse(localStorage.getItem(QUEUE) || "[]"); } catch (e) { q = []; }
            // Outcomes queued by the earlier script (as form posts) are carried over, with their keys.
            try {
              var old = JSON.parse(localStorage.getItem(LEGACY) || "[]");
              if (old.length) {
                old.forEach(function (o) {
                  var key = (o.body || []).filter(function (e) { return e[0] === "key"; }).map(function (e) { return e[1]; })[0];
                  var item = fromForm(o.action, o.body || [], key);
                  if (item) q.push(item);
                });
                localStorage.setItem(QUEUE, JSON.stringify(q));
              }
              localStorage.removeItem(LEGACY);
            } catch (e) {}
            return q;
          }
          function save(q) { localStorage.setItem(QUEUE, JSON.stringify(q)); render(); }
          function change(key, fn) {
            save(load().map(function (i) { return i.key === key ? fn(i) : i; }).filter(Boolean));
          }

          function render() {
            var all = load();
            var q = all.filter(mine);
            var others = all.length - q.length;
            var waiting = q.filter(function (i) { return i.state !== "refused"; });
            var refused = q.filter(function (i) { return i.state === "refused"; });
            // A 403 is a refusal like the others (the visit went to another carrier, say): the
            // session is fine, and signing in again would not help.
            var needSignin = q.some(function (i) { return i.state === "signin"; });
            var lines = [];
            if (needSignin) lines.push(msg("signin", waiting.length));
            else if (waiting.length) lines.push(msg("waiting", waiting.length));
            if (refused.length) lines.push(msg("refused", refused.length));
            if (others) lines.push(msg("other_account", others));
            var line = lines.join(" ");
            if (text && text.textContent !== line) text.textContent = line;
            if (signin) signin.hidden = !needSignin;
            if (banner) banner.classList.toggle("active", lines.length > 0);
            Array.prototype.forEach.call(document.querySelectorAll("article.stop"), function (stop) { renderStop(stop, q); });
            renderElsewhere(q);
          }
          // Outcomes for visits no longer on this run (given to another carrier, moved, cancelled)
          // are not dropped with their stop: they are listed here, under the name they were
          // recorded for, until sent or removed.
          function renderElsewhere(q) {
            var box = document.getElementById("queue-elsewhere");
            if (!box) return;
            while (box.firstChild) box.removeChild(box.firstChild);
            var lost = q.filter(function (i) { return !document.getElementById("stop-" + i.visit); });
            if (!lost.length) return;
            var h = document.createElement("h2");
            h.textContent = msg("elsewhere");
            box.appendChild(h);
            lost.forEach(function (item) {
              var card = document.createElement("div");
              card.className = "card queue-note" + (item.state === "refused" ? " refused" : "");
              var title = document.createElement("h3");
              title.textContent = item.label || msg("unknown_stop");
              card.appendChild(title);
              var p = document.createElement("p");
              p.textContent = stateText(item);
              card.appendChild(p);
              if (item.state === "refused") addActions(card, item, title.textContent);
              box.appendChild(card);
            });
          }
          function stateText(item) {
            return !item ? msg("sent") : item.state === "refused" ? msg("stop_refused", 0, item.reason) :
              item.state === "signin" ? msg("stop_signin") : msg("saved");
          }
          function addActions(note, item, who) {
            note.appendChild(button(msg("retry"), who, function () { change(item.key, function (i) { i.state = "waiting"; i.reason = ""; i.code = 0; return i; }); sync(); }));
            note.appendChild(button(msg("dismiss"), who, function () { change(item.key, function () { return null; }); }));
          }
          function renderStop(stop, q) {
            var visit = stop.id.replace(/^stop-/, "");
            var item = q.filter(function (i) { return i.visit === visit; }).pop();
            var form = stop.querySelector("form.outcome");
            var note = stop.querySelector(".queue-note");
            if (note) note.parentNode.removeChild(note);
            if (!item && !sent[visit]) return;
            // A refused outcome reopens the form so it can be corrected and sent again.
            if (form) form.hidden = !(item && item.state === "refused" && item.code === 422);
            note = document.createElement("div");
            note.className = "queue-note" + (item && item.state === "refused" ? " refused" : "");
            var p = document.createElement("p");
            p.textContent = stateText(item);
            note.appendChild(p);
            if (item && item.state === "refused") addActions(note, item, (stop.querySelector("h2") || {}).textContent || "");
            stop.insertBefore(note, form ? form.nextSibling : null);
          }
          function button(label, who, onClick) {
            var b = document.createElement("button");
            b.type = "button";
            b.className = "secondary";
            b.textContent = label;
            b.setAttribute("aria-label", label + ": " + who);
            b.addEventListener("click", onClick);
            return b;
          }

          // The CSRF header token of the current session; asked for before every round of sending,
          // so outcomes queued before a new sign-in go with the new session's token.
          function token() {
            return fetch("/api/v1/session/csrf", { credentials: "same-origin", redirect: "manual", cache: "no-store", headers: { Accept: "application/json" } })
              .then(function (r) {
                if (r.status === 200) return r.json().then(function (b) { return b.csrf_token; });
                throw { kind: r.status >= 500 ? "later" : "signin" };
              }, function () { throw { kind: "later" }; });
          }
          function post(item, csrf) {
            return fetch("/api/v1/visits/" + item.visit + "/outcome", {
              method: "POST", credentials: "same-origin", redirect: "manual", cache: "no-store",
              headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRF-Token": csrf, "Idempotency-Key": item.key },
              body: JSON.stringify(item.payload)
            });
          }
          function judge(item, r) {
            if (r.type === "opaqueredirect" || r.status === 0 || r.status === 401 || (r.status >= 300 && r.status < 400)) return Promise.resolve({ kind: "signin" });
            if (r.status >= 500 || r.status === 408 || r.status === 429) return Promise.resolve({ kind: "later" });
            return r.json().catch(function () { return {}; }).then(function (b) {
              if (r.ok) {
                var ok = b && String(b.visit_id || "").toLowerCase() === item.visit && b.status === item.payload.outcome;
                return ok ? { kind: "sent" } : { kind: "refused", code: r.status, reason: msg("unconfirmed") };
              }
              var reason = (b && b.error) || String(r.status);
              if (b && b.fields) reason += " " + Object.keys(b.fields).map(function (k) { return b.fields[k]; }).join(" ");
              return { kind: "refused", code: r.status, reason: reason };
            });
          }
          function settle(item, v) {
            if (v.kind === "sent") { sent[item.visit] = true; change(item.key, function () { return null; }); return; }
            change(item.key, function (i) {
              i.state = v.kind === "later" ? "waiting" : v.kind;
              i.reason = v.reason || "";
              i.code = v.code || 0;
              return i;
            });
          }
          function sync() {
            if (busy || !navigator.onLine) return;
            var pending = load().filter(function (i) { return i.state !== "refused" && mine(i); });
            if (!pending.length) return;
            busy = true;
            token().then(function (csrf) {
              // One at a time, in the order recorded; a lost session or connection stops the round.
              return pending.reduce(function (done, item) {
                return done.then(function (stop) {
                  if (stop) return true;
                  return post(item, csrf).then(function (r) { return judge(item, r); }, function () { return { kind: "later" }; })
                    .then(function (v) { settle(item, v); return v.kind === "signin" || v.kind === "later"; });
                });
              }, Promise.resolve(false));
            }).catch(function (e) {
              var kind = (e && e.kind) || "later";
              pending.forEach(function (item) { settle(item, { kind: kind }); });
            }).then(function () {
              busy = false;
              render();
              clearTimeout(timer);
              if (load().some(function (i) { return i.state === "waiting" && mine(i); })) timer = setTimeout(sync, 30000);
            });
          }

          function enqueue(form, submitter) {
            var data = new FormData(form);
            if (submitter && submitter.name) data.set(submitter.name, submitter.value);
            var item = fromForm(form.getAttribute("action"), Array.from(data.entries()).filter(function (e) { return e[0] !== "key" && e[0] !== "_csrf"; }));
            if (!item) return;
            // The stop's heading (its number and the reader's name) goes with the outcome, for the
            // list of outcomes whose stop has left the run; signing out clears it with the queue.
            var stop = form.closest ? form.closest("article.stop") : null;
            item.label = stop && stop.querySelector("h2") ? stop.querySelector("h2").textContent : "";
            item.owner = account;
            // A corrected outcome replaces the refused one for the same stop.
            save(load().filter(function (i) { return i.visit !== item.visit; }).concat([item]));
            sync();
          }
          var passing = null;
          document.addEventListener("submit", function (ev) {
            var form = ev.target;
            if (!form.classList || !form.classList.contains("outcome")) return;
            // Our own re-submission after the session was found alive: the form posts as usual.
            if (passing === form) { passing = null; return; }
            var visit = (/\/run\/([0-9a-fA-F-]{36})\//.exec(form.getAttribute("action") || "") || [])[1];
            var queued = load().some(function (i) { return visit && i.visit === visit.toLowerCase(); });
            ev.preventDefault();
            var submitter = ev.submitter;
            // An outcome cannot be taken back, so the first tap only asks: the button says to tap
            // again, and a second tap within a few seconds records it (issue 12, item 8). The
            // page without this script asks on a page of its own instead.
            if (submitter && submitter.getAttribute("data-armed") !== "1") {
              // Only the last choice is armed: tapping the other button first disarms this one.
              Array.prototype.forEach.call(form.querySelectorAll('button[data-armed="1"]'), function (b) {
                b.removeAttribute("data-armed");
                b.textContent = b.getAttribute("data-label");
              });
              var label = submitter.textContent;
              submitter.setAttribute("data-armed", "1");
              submitter.setAttribute("data-label", label);
              submitter.textContent = msg("tap_again").replace("{outcome}", label);
              // Said to a screen reader too: the change of the button's text alone is not announced.
              var live = form.querySelector(".tap-live");
              if (!live) {
                live = document.createElement("span");
                live.className = "tap-live visually-hidden";
                live.setAttribute("aria-live", "polite");
                form.appendChild(live);
              }
              live.textContent = submitter.textContent;
              setTimeout(function () {
                if (submitter.getAttribute("data-armed") !== "1") return;
                submitter.removeAttribute("data-armed");
                submitter.textContent = submitter.getAttribute("data-label");
              }, 6000);
              return;
            }
            if (submitter) {
              submitter.removeAttribute("data-armed");
              submitter.textContent = submitter.getAttribute("data-label") || submitter.textContent;
            }
            // Confirmed here: the server need not ask again.
            if (!form.querySelector('input[name="confirmed"]')) {
              var yes = document.createElement("input");
              yes.type = "hidden"; yes.name = "confirmed"; yes.value = "yes";
              form.appendChild(yes);
            }
            if (!navigator.onLine || queued) { enqueue(form, submitter); return; }
            // Online, the form posts as usual, but only once the session is known to be alive: a
            // post with an ended session would be turned away and the outcome lost, so then it is
            // kept on the phone and the carrier is asked to sign in (issue 13).
            token().then(function () {
              passing = form;
              if (form.requestSubmit) form.requestSubmit(submitter); else form.submit();
            }, function () { enqueue(form, submitter); });
          });
          // "On my way" is sent in the background: without a connection the page stays, says so
          // beside the stop, and the outcome can still be recorded (it waits on the phone). Any
          // answer other than the usual redirect is shown by posting the form as usual.
          document.addEventListener("submit", function (ev) {
            var form = ev.target;
            if (!form.classList || !form.classList.contains("start")) return;
            ev.preventDefault();
            var note = form.querySelector(".start-note");
            fetch(form.getAttribute("action"), {
              method: "POST", body: new URLSearchParams(new FormData(form)), credentials: "same-origin", redirect: "manual"
            }).then(function (r) {
              if (r.type === "opaqueredirect" || r.ok) { location.reload(); return; }
              form.submit();
            }, function () {
              if (!note) {
                note = document.createElement("p");
                note.className = "start-note notice";
                note.setAttribute("role", "status");
                form.appendChild(note);
              }
              note.textContent = msg("start_offline");
            });
          });
          document.addEventListener("click", function (ev) {
            if (ev.target && ev.target.hasAttribute && ev.target.hasAttribute("data-print")) window.print();
          });
          window.addEventListener("online", sync);
          window.addEventListener("offline", render);
          window.addEventListener("storage", render);
          document.addEventListener("visibilitychange", function () { if (!document.hidden) sync(); });
          if ("serviceWorker" in navigator) navigator.serviceWorker.register("/sw.js").catch(function () {});
          render();
          sync();
        })();
        """#
}
