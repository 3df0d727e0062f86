using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Occupancy.Firmware.NanoCheck;

/// <summary>
/// Finds what the stable nanoFramework runtime cannot load in a compiled assembly: generic
/// type or method definitions, generic instantiations (TypeSpec rows that instantiate a
/// generic, e.g. EventHandler&lt;T&gt;) and generic method calls (MethodSpec rows).
/// The C# compiler accepts all of these against nanoFramework's mscorlib.
/// </summary>
public static class GenericsFinder
{
    public static IReadOnlyList<string> Find(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var problems = new List<string>();

        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            if (type.GetGenericParameters().Count > 0)
            {
                problems.Add($"generic type {Describe(reader, type)}");
            }

            foreach (var methodHandle in type.GetMethods())
            {
                var method = reader.GetMethodDefinition(methodHandle);
                if (method.GetGenericParameters().Count > 0)
                {
                    problems.Add($"generic method {Describe(reader, type)}.{reader.GetString(method.Name)}");
                }
            }
        }

        foreach (var row in Enumerable.Range(1, reader.GetTableRowCount(TableIndex.TypeSpec)))
        {
            var spec = reader.GetTypeSpecification(MetadataTokens.TypeSpecificationHandle(row));
            var blob = reader.GetBlobReader(spec.Signature);
            if (blob.ReadSignatureTypeCode() == SignatureTypeCode.GenericTypeInstance)
            {
                problems.Add($"generic instantiation (TypeSpec row {row})");
            }
        }

        int methodSpecs = reader.GetTableRowCount(TableIndex.MethodSpec);
        if (methodSpecs > 0)
        {
            problems.Add($"{methodSpecs} generic method instantiation(s) (MethodSpec rows)");
        }

        return problems;
    }

    private static string Describe(MetadataReader reader, TypeDefinition type)
    {
        string ns = reader.GetString(type.Namespace);
        string name = reader.GetString(type.Name);
        return ns.Length == 0 ? name : ns + "." + name;
    }
}
