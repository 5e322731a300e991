using CityBridge.TwoInstances;

// Usage (ops/two-instances.sh runs these): concurrency | schedule-start | schedule-finish | rematch-start | rematch-finish | drop-database
// Settings come from the environment: PROOF_A and PROOF_B (the instances' base URLs), PROOF_DB (their PostgreSQL
// connection string), PROOF_SMTP_PORT (where the instances send e-mail) and PROOF_STATE (a file the phases share).
var settings = ProofSettings.FromEnvironment();
var proof = new Proof(settings);
var step = args.FirstOrDefault() ?? "";
try
{
    var violations = step switch
    {
        "concurrency" => await new ConcurrencyProof(proof).RunAsync(),
        "schedule-start" => await new TakeoverProof(proof).StartScheduleAsync(),
        "schedule-finish" => await new TakeoverProof(proof).FinishScheduleAsync(),
        "rematch-start" => await new TakeoverProof(proof).StartRematchAsync(),
        "rematch-finish" => await new TakeoverProof(proof).FinishRematchAsync(),
        "drop-database" => await proof.DropDatabaseAsync(),
        _ => throw new ArgumentException($"Unknown step '{step}'; use concurrency, schedule-start, schedule-finish, rematch-start or rematch-finish."),
    };
    if (violations.Count > 0)
    {
        foreach (var v in violations)
        {
            Console.Error.WriteLine($"VIOLATION: {v}");
        }

        Console.Error.WriteLine($"proof {step}: FAILED with {violations.Count} violation(s)");
        return 1;
    }

    Console.WriteLine($"proof {step}: OK");
    return 0;
}
catch (ProofException ex)
{
    Console.Error.WriteLine($"proof {step}: FAILED: {ex.Message}");
    return 1;
}
