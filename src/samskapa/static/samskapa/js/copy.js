// "Copy the link" buttons: progressive enhancement over a read-only text field the user can copy by hand.
document.querySelectorAll("[data-copy]").forEach(function (button) {
  var field = document.getElementById(button.dataset.copy);
  var status = document.getElementById(button.dataset.copy + "-status");
  if (!field || !navigator.clipboard) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(field.value).then(function () {
      if (status) status.textContent = button.dataset.copied;
    });
  });
});
