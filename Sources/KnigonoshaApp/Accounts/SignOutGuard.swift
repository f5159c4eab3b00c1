import Plot
import Vapor

/// Signing out on a carrier's phone clears what the run page keeps there: the offline queue of
/// outcomes and the cached run sheet (names, addresses). When outcomes are still waiting to be
/// sent, the carrier is warned first and may stay signed in to send them (issue 13, section 1).
/// The server's `Clear-Site-Data` on the sign-out answer is the backstop for a page without
/// this script.
enum SignOutGuard {
    static let path = "/static/signout.js"

    /// The warning, closed until needed; a native modal dialog keeps focus inside and closes with Escape.
    static func dialog(_ ctx: PageContext) -> Node<HTML.BodyContext> {
        .element(
            named: "dialog",
            nodes: [
                .id("signout-dialog"), .attribute(named: "aria-labelledby", value: "signout-title"),
                .h2(.id("signout-title"), .text(ctx.t("signout.title"))),
                .p(
                    .id("signout-text"), .attribute(named: "data-template", value: ctx.t("signout.text")),
                    .attribute(named: "data-offline", value: ctx.t("signout.offline"))),
                .div(
                    .class("actions"),
                    // The safe choice first: it has the focus when the dialog opens.
                    .button(.type(.button), .class("primary"), .attribute(named: "data-action", value: "stay"), .text(ctx.t("signout.stay"))),
                    .button(.type(.button), .class("secondary"), .attribute(named: "data-action", value: "confirm"), .text(ctx.t("signout.confirm")))
                ),
            ]
        )
    }

    static let script = #"""
        (function () {
          "use strict";
          var QUEUES = ["kn-run-queue-v2", "kn-run-queue"];
          var dialog = document.getElementById("signout-dialog");
          var pending = null, leaving = false;
          function waiting() {
            var n = 0;
            QUEUES.forEach(function (k) { try { n += JSON.parse(localStorage.getItem(k) || "[]").length; } catch (e) {} });
            return n;
          }
          function clear() {
            QUEUES.forEach(function (k) { try { localStorage.removeItem(k); } catch (e) {} });
            if (!window.caches || !caches.keys) return Promise.resolve();
            return caches.keys().then(function (names) {
              return Promise.all(names.filter(function (n) { return n.indexOf("kn-run") === 0; }).map(function (n) { return caches.delete(n); }));
            }).catch(function () {});
          }
          function leave(form) { leaving = true; clear().then(function () { form.submit(); }); }
          document.addEventListener("submit", function (ev) {
            var form = ev.target;
            if (leaving || !form || form.getAttribute("action") !== "/logout") return;
            ev.preventDefault();
            var n = waiting();
            var text = document.getElementById("signout-text");
            var confirmButton = dialog && dialog.querySelector("[data-action=confirm]");
            // Signing out needs the server: offline, nothing is cleared and the carrier stays in.
            if (!navigator.onLine) {
              var off = text ? text.getAttribute("data-offline") : "";
              if (!dialog || !dialog.showModal) { window.alert(off); return; }
              text.textContent = off;
              confirmButton.hidden = true;
              pending = null;
              dialog.showModal();
              return;
            }
            if (!n) { leave(form); return; }
            var line = text ? text.getAttribute("data-template").replace("{count}", String(n)) : "";
            if (!dialog || !dialog.showModal) { if (window.confirm(line)) leave(form); return; }
            text.textContent = line;
            confirmButton.hidden = false;
            pending = form;
            dialog.showModal();
          });
          if (dialog) {
            dialog.querySelector("[data-action=stay]").addEventListener("click", function () { pending = null; dialog.close(); });
            dialog.querySelector("[data-action=confirm]").addEventListener("click", function () { dialog.close(); if (pending) leave(pending); });
          }
        })();
        """#

    static func register(_ routes: any RoutesBuilder) {
        routes.get(PathComponent.constant("static"), PathComponent.constant("signout.js")) { _ in
            let response = Response(status: .ok, body: .init(string: script))
            response.headers.contentType = HTTPMediaType(type: "text", subType: "javascript", parameters: ["charset": "utf-8"])
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-cache")
            return response
        }
    }
}
