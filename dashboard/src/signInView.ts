// The sign-in page (#/sign-in): email and password; the server sets an HttpOnly cookie.
import { signIn, type Account } from "./account";
import { h, uid } from "./dom";
import { ApiError } from "./http";

export function renderSignIn(container: HTMLElement, signedIn: (account: Account) => void): void {
  const emailId = uid("email");
  const passwordId = uid("password");
  const rememberId = uid("remember");
  const error = h("p", { class: "form-summary", role: "alert", hidden: true, id: uid("sign-in-error") });
  const email = h("input", { id: emailId, name: "email", type: "email", autocomplete: "username", required: true });
  const password = h("input", { id: passwordId, name: "password", type: "password", autocomplete: "current-password", required: true });
  const remember = h("input", { id: rememberId, name: "remember", type: "checkbox" });
  const submit = h("button", { type: "submit", class: "button primary", text: "Sign in" });
  const form = h(
    "form",
    { class: "admin-form sign-in", "aria-labelledby": "sign-in-title", novalidate: true },
    h("h2", { id: "sign-in-title", text: "Sign in" }),
    error,
    h("div", { class: "field" }, h("label", { for: emailId, text: "Email" }), email),
    h("div", { class: "field" }, h("label", { for: passwordId, text: "Password" }), password),
    h("div", { class: "field field-checkbox" }, remember, h("label", { for: rememberId, text: "Keep me signed in on this device" })),
    h("div", { class: "form-buttons" }, submit),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit.disabled = true;
    error.hidden = true;
    signIn(email.value.trim(), password.value, remember.checked)
      .then(signedIn)
      .catch((failure: unknown) => {
        error.textContent = failure instanceof ApiError && failure.status === 400 ? "Enter your email and password." : failure instanceof Error ? failure.message : String(failure);
        error.hidden = false;
        password.value = "";
        (email.value ? password : email).focus();
      })
      .finally(() => (submit.disabled = false));
  });
  container.replaceChildren(form);
  email.focus();
}
