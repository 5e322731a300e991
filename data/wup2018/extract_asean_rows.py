import xlrd, sys, csv
codes = [96,116,360,418,458,104,608,702,764,704]
f, out = sys.argv[1], sys.argv[2]
s = xlrd.open_workbook(f).sheet_by_name('Data')
hdr = s.row_values(16)
years = [int(y) for y in hdr[4:]]
rows = {}
for r in range(17, s.nrows):
    row = s.row_values(r)
    if isinstance(row[3], float) and int(row[3]) in codes:
        rows[int(row[3])] = (r + 1, row)
with open(out, 'w', newline='') as fh:
    w = csv.writer(fh, lineterminator='\n')
    w.writerow(['sheetRow', 'index', 'name', 'countryCode'] + [str(y) for y in years])
    for c in sorted(codes):
        n, row = rows[c]
        w.writerow([n, int(row[0]), row[1], c] + [repr(v) for v in row[4:]])
