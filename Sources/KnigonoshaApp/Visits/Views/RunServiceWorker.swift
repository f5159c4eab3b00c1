extension RunView {
    /// Keeps the last run sheet for offline use: network first, the cached copy when offline; the
    /// copy goes when the carrier signs out.
    static let serviceWorker = #"""
        "use strict";
        var CACHE = "kn-run-v1";
        self.addEventListener("install", function (e) { self.skipWaiting(); });
        self.addEventListener("activate", function (e) { e.waitUntil(self.clients.claim()); });
        self.addEventListener("fetch", function (e) {
          var url = new URL(e.request.url);
          // Signing out drops the kept run sheet: it names readers and gives their addresses.
          // (Clear-Site-Data "cache" does not reach this storage, and "storage" would also drop
          // outcomes still waiting to be sent, which hold only visit ids and results.)
          if (e.request.method === "POST" && url.origin === self.location.origin && url.pathname === "/logout") {
            e.waitUntil(caches.delete(CACHE));
            return;
          }
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
