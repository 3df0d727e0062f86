namespace Occupancy.Fuzz.Tests;

/// <summary>Every seed and every input that once crashed a parser still passes the contract target.</summary>
public class CorpusTests
{
    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(FuzzFolders.Corpus).Concat(Directory.EnumerateFiles(FuzzFolders.Regressions)))
        {
            if (!file.EndsWith(".md", StringComparison.Ordinal))
            {
                data.Add(Path.GetRelativePath(FuzzFolders.Project, file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Input_PassesEveryParserWithoutThrowing(string file)
    {
        byte[] input = File.ReadAllBytes(Path.Combine(FuzzFolders.Project, file));

        ContractFuzzTarget.Run(input);
    }
}
