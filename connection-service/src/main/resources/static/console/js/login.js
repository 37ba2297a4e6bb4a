// The server sends a failed login back here with ?failed; the token itself never appears in a URL.
if (new URLSearchParams(location.search).has('failed')) {
  document.getElementById('login-error').hidden = false;
}
