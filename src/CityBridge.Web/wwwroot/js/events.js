// Matchmaking events: filters the time-zone picker as people type. Works without it (the select alone is complete).
document.querySelectorAll('input.tz-filter[data-filter-for]').forEach(function (input) {
  var select = document.getElementById(input.getAttribute('data-filter-for'));
  if (!select) { return; }
  input.addEventListener('input', function () {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var firstMatch = null;
    select.querySelectorAll('optgroup').forEach(function (group) {
      var visible = 0;
      group.querySelectorAll('option').forEach(function (option) {
        var text = (option.textContent + ' ' + option.value + ' ' + group.label).toLowerCase();
        var match = words.every(function (w) { return text.indexOf(w) >= 0; });
        option.hidden = !match;
        if (match) { visible++; if (!firstMatch) { firstMatch = option; } }
      });
      group.hidden = visible === 0;
    });
    if (firstMatch && words.length > 0) { select.value = firstMatch.value; }
  });
});
