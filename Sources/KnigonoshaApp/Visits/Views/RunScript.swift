extension RunView {
    /// Keeps outcomes recorded without a connection on the phone and sends them when it returns.
    /// Each form carries its idempotency key, so a resend cannot record a visit twice.
    static let script = #"""
        (function () {
          "use strict";
          var QUEUE = "kn-run-queue";
          var status = document.getElementById("offline-status");
          function queue() { try { return JSON.parse(localStorage.getItem(QUEUE) || "[]"); } catch (e) { return []; } }
          function save(q) { localStorage.setItem(QUEUE, JSON.stringify(q)); show(); }
          function show() {
            var n = queue().length;
            if (!status) return;
            status.hidden = n === 0;
            status.textContent = n === 0 ? "" : (document.documentElement.lang === "en" ? n + " outcome(s) saved on this phone; they will be sent when online." :
              document.documentElement.lang === "kk" ? n + " нәтиже телефонда сақталды; байланыс болғанда жіберіледі." :
              "Сохранено на телефоне: " + n + "; отправим, когда появится связь.");
          }
          function send() {
            var q = queue();
            if (!q.length || !navigator.onLine) return;
            var item = q[0];
            fetch(item.action, { method: "POST", body: new URLSearchParams(item.body), credentials: "same-origin", redirect: "manual" })
              .then(function (r) { if (r.status < 500) { save(queue().slice(1)); send(); } })
              .catch(function () {});
          }
          document.addEventListener("submit", function (ev) {
            var form = ev.target;
            if (!form.classList || !form.classList.contains("outcome") || navigator.onLine) return;
            ev.preventDefault();
            var data = new FormData(form);
            if (ev.submitter && ev.submitter.name) data.set(ev.submitter.name, ev.submitter.value);
            var q = queue();
            q.push({ action: form.action, body: Array.from(data.entries()) });
            save(q);
            form.hidden = true;
          });
          document.addEventListener("click", function (ev) {
            if (ev.target && ev.target.hasAttribute && ev.target.hasAttribute("data-print")) window.print();
          });
          window.addEventListener("online", send);
          if ("serviceWorker" in navigator) navigator.serviceWorker.register("/sw.js").catch(function () {});
          show();
          send();
        })();
        """#

    /// Keeps the last run sheet for offline use: network first, the cached copy when offline.
    static let serviceWorker = #"""
        "use strict";
        var CACHE = "kn-run-v1";
        self.addEventListener("install", function (e) { self.skipWaiting(); });
        self.addEventListener("activate", function (e) { e.waitUntil(self.clients.claim()); });
        self.addEventListener("fetch", function (e) {
          var url = new URL(e.request.url);
          if (e.request.method !== "GET" || url.origin !== self.location.origin) return;
          if (url.pathname !== "/run" && url.pathname.indexOf("/static/") !== 0) return;
          e.respondWith(fetch(e.request).then(function (r) {
            var copy = r.clone();
            if (r.ok) caches.open(CACHE).then(function (c) { c.put(e.request, copy); });
            return r;
          }).catch(function () { return caches.match(e.request, { ignoreSearch: true }); }));
        });
        """#
}
