using Occupancy.Fuzz;
using SharpFuzz;

// AFL++ starts this once and feeds it inputs through SharpFuzz's fork server.
Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    ContractFuzzTarget.Run(buffer.ToArray());
});
