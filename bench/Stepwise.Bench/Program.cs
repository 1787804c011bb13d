using Stepwise.Bench;

return BenchProgram.Run(args);
