// Check-in desk: scans a participant's QR code with the phone camera (html5-qrcode, served from this site)
// and submits it like a typed code. Without a camera or the library, the typed code still works.
(function () {
  var button = document.getElementById('start-scan');
  var form = document.getElementById('checkin-form');
  if (!button || !form || typeof window.Html5Qrcode === 'undefined' || !navigator.mediaDevices) { return; }
  var box = document.getElementById(button.getAttribute('data-scanner'));
  var input = document.getElementById(box.getAttribute('data-target'));
  var label = button.textContent;

  // Why the camera did not start, in words for the desk; html5-qrcode passes the browser's error as text.
  function unavailable(err) {
    var text = String(err);
    if (/NotAllowed|Permission|Security/.test(text)) { return 'Camera unavailable: this browser may not use it. Type the code below, or allow the camera and press again.'; }
    if (/NotFound|Overconstrained|NotReadable/.test(text)) { return 'Camera unavailable: no free camera found. Type the code below.'; }
    return 'Camera unavailable. Type the code below, or press to try again.';
  }

  button.hidden = false;
  button.addEventListener('click', function () {
    var scanned = false;
    box.hidden = false;
    button.hidden = true;
    button.textContent = label;
    var scanner = new window.Html5Qrcode(box.id);
    // The back camera when there is one; as a preference, not a requirement, so a laptop's or a test's only camera serves.
    // The scan box is most of the picture, whatever the width of the viewfinder.
    scanner.start({ facingMode: 'environment' }, {
      fps: 10,
      qrbox: function (width, height) { var side = Math.max(50, Math.floor(Math.min(width, height) * 0.8)); return { width: side, height: side }; }
    }, function (text) {
      if (scanned) { return; }
      scanned = true;
      scanner.stop().finally(function () {
        input.value = text;
        form.submit();
      });
    }, function () { /* no code in this frame */ }).catch(function (err) {
      box.hidden = true;
      button.hidden = false;
      button.textContent = unavailable(err);
    });
  });
})();
