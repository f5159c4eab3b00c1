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
          // (The sign-out page script and the answer's Clear-Site-Data "storage" drop it too;
          // this also covers a sign-out posted from a page without either.)
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
          }).catch(function () {
            // A kept run sheet serves only the day it was fetched: yesterday's list of names and
            // addresses is not kept on the phone any longer than that (issue 13, section 1).
            return caches.match(e.request, { ignoreSearch: true }).then(function (r) {
              if (!r || url.pathname !== "/run") return r;
              var fetched = new Date(r.headers.get("date") || 0);
              if (fetched.toDateString() === new Date().toDateString()) return r;
              return caches.open(CACHE).then(function (c) { return c.delete(e.request, { ignoreSearch: true }); }).then(function () { return Response.error(); });
            });
          }));
        });
        """#
}
