using Occupancy.Firmware.NanoCheck;

if (args.Length != 1 || !File.Exists(args[0]))
{
    Console.Error.WriteLine("usage: Occupancy.Firmware.NanoCheck <assembly compiled against nanoFramework's mscorlib>");
    return 2;
}

var problems = GenericsFinder.Find(args[0]);
foreach (var problem in problems)
{
    Console.Error.WriteLine($"{args[0]}: error NANO001: the nanoFramework 1.x runtime cannot run {problem}");
}

return problems.Count == 0 ? 0 : 1;
