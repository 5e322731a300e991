using System.Globalization;
using CityBridge.Load.Bench;

// The load benchmark's helper: `load` fills a database with the generated market, a staff account with a read
// token and a list of URLs; `drive` sends those URLs at a fixed rate. bench/load/run.sh runs both around wrk.
return args.FirstOrDefault() switch
{
    "load" => await MarketLoad.RunAsync(args[1..]),
    "drive" => await FixedRateDriver.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
        usage:
          CityBridge.Load.Bench load --providers 100000 --projects 10000 --seed 1 --out DIR   (database from ConnectionStrings__CityBridge, Database__Provider)
          CityBridge.Load.Bench drive --base http://127.0.0.1:PORT --urls FILE --token FILE --rate 200 --seconds 60 [--skip LINES]
        """));
    return 2;
}
