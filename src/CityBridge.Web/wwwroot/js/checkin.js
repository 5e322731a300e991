// Check-in desk: scans a participant's QR code with the phone camera (html5-qrcode, served from this site)
// and submits it like a typed code. Without a camera or the library, the typed code still works.
(function () {
  var button = document.getElementById('start-scan');
  var form = document.getElementById('checkin-form');
  if (!button || !form || typeof window.Html5Qrcode === 'undefined' || !navigator.mediaDevices) { return; }
  var box = document.getElementById(button.getAttribute('data-scanner'));
  var input = document.getElementById(box.getAttribute('data-target'));
  button.hidden = false;
  button.addEventListener('click', function () {
    box.hidden = false;
    button.hidden = true;
    var scanner = new window.Html5Qrcode(box.id);
    scanner.start({ facingMode: 'environment' }, { fps: 10, qrbox: 220 }, function (text) {
      scanner.stop().finally(function () {
        input.value = text;
        form.submit();
      });
    }, function () { /* no code in this frame */ }).catch(function (err) {
      box.hidden = true;
      button.hidden = false;
      button.textContent = 'Camera unavailable (' + err + '); type the code';
    });
  });
})();
