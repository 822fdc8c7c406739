// An MSBuild inline task (MicroOS.Native.targets compiles it with RoslynCodeTaskFactory; it is not
// part of MicroOS.Build.csproj). When ILC fails, it restates the failure as one error that names
// what MicroOS.Runtime lacks, the method that needed it and the source file and line:
//   Server.cs(16,13): error MOS0001: MicroOS.Runtime lacks type 'Internal.Runtime.CompilerHelpers.
//   SynchronizedMethodHelpers' (ILC could not compile MicroOS.Servers.X.Counter.Next()) ...
// ILC reports a missing runtime contract piece (a helper type or method it expects in the core
// library) deep inside a stack trace and without a location:
//   Code generation failed for method '[Server]Ns.Type.Method(...)'
//   ---> System.InvalidOperationException: Expected type 'Internal.Runtime.X' not found in module ...
// The location comes from the assemblies' portable PDBs: the calls to that method in the image's
// own code (their sequence points), else the method's own first line. A method ILC made itself
// (the accessors of `string[,]`, `T[,]::Set`) has no source: then only its call sites locate it.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public class MicroOSIlcFailure : Task
{
    [Required] public string IlcLog { get; set; }
    // The image's own assembly first, then the others ILC compiled in (each with its .pdb beside it).
    [Required] public ITaskItem[] Assemblies { get; set; }
    public int ExitCode { get; set; }

    private const int MaxCallSites = 5;

    public override bool Execute()
    {
        string log = File.Exists(IlcLog) ? File.ReadAllText(IlcLog) : "";
        Match method = Regex.Match(log, @"Code generation failed for method '([^']*)'");
        Match missing = Regex.Match(log, @"Expected (type|method|field) '([^']*)' not found (?:in|on) (?:module|type) '([^']*)'");
        if (!method.Success)
        {
            Log.LogError(null, "MOS0002", null, null, 0, 0, 0, 0, "ILC failed (exit code {0}); see its output above ({1}).", ExitCode, IlcLog);
            return false;
        }
        string what = missing.Success
            ? string.Format("MicroOS.Runtime lacks {0} '{1}' (expected in '{2}')", missing.Groups[1].Value, missing.Groups[2].Value, missing.Groups[3].Value)
            : "MicroOS.Runtime lacks a piece ILC needs (see the ILC output above)";
        string failed = method.Groups[1].Value;
        var target = IlcName.Parse(failed);
        var sites = new List<Location>();
        Location definition = null;
        bool ownDefinition = false;
        string own = null;
        foreach (ITaskItem item in Assemblies)
        {
            string dll = item.GetMetadata("FullPath");
            if (string.IsNullOrEmpty(dll))
                dll = item.ItemSpec;
            string pdb = Path.ChangeExtension(dll, ".pdb");
            if (!File.Exists(dll) || !File.Exists(pdb))
                continue;
            try
            {
                using var image = new PEReader(File.OpenRead(dll));
                using var symbols = MetadataReaderProvider.FromPortablePdbStream(File.OpenRead(pdb));
                var scan = new AssemblyScan(image, symbols.GetMetadataReader());
                own ??= scan.Name;
                if (sites.Count < MaxCallSites)
                    sites.AddRange(scan.CallSites(target).Take(MaxCallSites - sites.Count));
                if (definition == null && target != null && string.Equals(scan.Name, target.Assembly, StringComparison.Ordinal))
                {
                    definition = scan.Definition(target);
                    ownDefinition = definition != null && scan.Name == own;
                }
            }
            catch (Exception e) when (e is BadImageFormatException || e is IOException || e is InvalidOperationException)
            {
                Log.LogMessage(MessageImportance.Low, "MOS0001: could not read {0}: {1}", dll, e.Message);
            }
        }
        string message = string.Format("{0}, needed to compile {1}. The code there uses a feature MicroOS.Runtime does not provide (docs/writing-a-server.md, \"What the runtime offers\").", what, failed);
        // The failing method itself when it is the image's own code (the feature is used in it);
        // else where the image's code calls it (a runtime generic instantiated for it, an array
        // accessor ILC made), else the method in the runtime's source.
        Location first = ownDefinition ? definition : sites.FirstOrDefault() ?? definition;
        if (first == null)
        {
            Log.LogError(null, "MOS0001", null, null, 0, 0, 0, 0, message + " No source line found: no PDB names the method or a call to it.");
            return false;
        }
        Log.LogError(null, "MOS0001", null, first.File, first.Line, first.Column, 0, 0, message);
        var more = new List<Location>(sites);
        if (definition != null)
            more.Add(definition);
        foreach (Location at in more.Where(l => l != first))
            Log.LogMessage(MessageImportance.High, "{0}({1},{2}): MOS0001 (see the error above): {3}.", at.File, at.Line, at.Column, at == definition ? "the method is defined here" : "called here");
        return false;
    }

    public sealed class Location
    {
        public string File;
        public int Line, Column;
    }

    // A method as ILC names it: "[Assembly]Ns.Outer+Inner`1<System.__Canon>.Method<int32>(int32,__Canon)"
    // or an array accessor "[Assembly]System.__Canon[,].Set(int32,int32,__Canon)".
    public sealed class IlcName
    {
        public string Assembly, Type, Method;
        public int ArrayRank;               // > 0: an accessor of a multi-dimensional array of Type

        public static IlcName Parse(string text)
        {
            Match m = Regex.Match(text, @"^\[([^\]]*)\](.*?)\((.*)\)$");
            if (!m.Success)
                return null;
            string head = StripGenericArguments(m.Groups[2].Value);
            string method;
            string type;
            int ctor = head.LastIndexOf("..", StringComparison.Ordinal);
            if (ctor > 0)
            {
                type = head.Substring(0, ctor);
                method = head.Substring(ctor + 1);
            }
            else
            {
                int dot = head.LastIndexOf('.');
                if (dot <= 0)
                    return null;
                type = head.Substring(0, dot);
                method = head.Substring(dot + 1);
            }
            var name = new IlcName { Assembly = m.Groups[1].Value, Method = method };
            Match array = Regex.Match(type, @"^(.*)\[(,*)\]$");
            if (array.Success)
            {
                name.Type = array.Groups[1].Value;
                name.ArrayRank = array.Groups[2].Value.Length + 1;
            }
            else
                name.Type = type;
            return name;
        }

        public static string StripGenericArguments(string text)
        {
            var b = new StringBuilder();
            int depth = 0;
            foreach (char c in text)
            {
                if (c == '<') depth++;
                else if (c == '>') depth--;
                else if (depth == 0) b.Append(c);
            }
            return b.ToString();
        }

        public bool TypeMatches(string fullName, bool isReference)
        {
            if (Type == "System.__Canon")
                return isReference;            // shared code: any reference type
            return string.Equals(Normalize(fullName), Normalize(Type), StringComparison.Ordinal);
        }

        private static string Normalize(string name) => StripGenericArguments(name).Replace('+', '.').Replace('/', '.');
    }

    // One assembly's metadata and its PDB: type names, method bodies scanned for call sites.
    private sealed class AssemblyScan
    {
        private readonly PEReader _image;
        private readonly MetadataReader _md, _pdb;
        public readonly string Name;

        public AssemblyScan(PEReader image, MetadataReader pdb)
        {
            _image = image;
            _md = image.GetMetadataReader();
            _pdb = pdb;
            Name = _md.GetString(_md.GetAssemblyDefinition().Name);
        }

        public Location Definition(IlcName target)
        {
            foreach (MethodDefinitionHandle h in _md.MethodDefinitions)
            {
                MethodDefinition def = _md.GetMethodDefinition(h);
                if (_md.GetString(def.Name) == target.Method && target.ArrayRank == 0 && target.TypeMatches(TypeName(def.GetDeclaringType()), true))
                {
                    Location at = FirstLine(h, 0, true);
                    if (at != null)
                        return at;
                }
            }
            return null;
        }

        public IEnumerable<Location> CallSites(IlcName target)
        {
            if (target == null)
                yield break;
            foreach (MethodDefinitionHandle h in _md.MethodDefinitions)
            {
                MethodDefinition def = _md.GetMethodDefinition(h);
                if (def.RelativeVirtualAddress == 0)
                    continue;
                MethodBodyBlock body = _image.GetMethodBody(def.RelativeVirtualAddress);
                foreach (var (offset, token) in MethodTokens(body.GetILBytes()))
                {
                    if (!Calls(token, target))
                        continue;
                    Location at = FirstLine(h, offset, false);
                    if (at != null)
                        yield return at;
                    break;                        // one site per calling method is enough
                }
            }
        }

        private bool Calls(int token, IlcName target)
        {
            EntityHandle handle = MetadataTokens.EntityHandle(token);
            if (handle.Kind == HandleKind.MethodSpecification)
                handle = _md.GetMethodSpecification((MethodSpecificationHandle)handle).Method;
            if (handle.Kind == HandleKind.MethodDefinition)
            {
                MethodDefinition def = _md.GetMethodDefinition((MethodDefinitionHandle)handle);
                return target.ArrayRank == 0 && _md.GetString(def.Name) == target.Method
                    && target.TypeMatches(TypeName(def.GetDeclaringType()), true);
            }
            if (handle.Kind != HandleKind.MemberReference)
                return false;
            MemberReference member = _md.GetMemberReference((MemberReferenceHandle)handle);
            if (member.GetKind() != MemberReferenceKind.Method || _md.GetString(member.Name) != target.Method)
                return false;
            switch (member.Parent.Kind)
            {
                case HandleKind.TypeReference:
                    return target.ArrayRank == 0 && target.TypeMatches(TypeName((TypeReferenceHandle)member.Parent), true);
                case HandleKind.TypeDefinition:
                    return target.ArrayRank == 0 && target.TypeMatches(TypeName((TypeDefinitionHandle)member.Parent), true);
                case HandleKind.TypeSpecification:
                    SignatureShape shape = _md.GetTypeSpecification((TypeSpecificationHandle)member.Parent).DecodeSignature(new ShapeProvider(this), null);
                    if (target.ArrayRank > 0)
                        return shape.Rank == target.ArrayRank && shape.Element != null && target.TypeMatches(shape.Element.Name, shape.Element.IsReference);
                    return shape.Rank == 0 && target.TypeMatches(shape.Name, true);
            }
            return false;
        }

        // The sequence point at or before an IL offset (the statement that holds it), or the first one.
        private Location FirstLine(MethodDefinitionHandle method, int offset, bool first)
        {
            MethodDebugInformation info = _pdb.GetMethodDebugInformation(method.ToDebugInformationHandle());
            SequencePoint? best = null;
            foreach (SequencePoint sp in info.GetSequencePoints())
            {
                if (sp.IsHidden)
                    continue;
                if (first)
                {
                    best = sp;
                    break;
                }
                if (sp.Offset <= offset)
                    best = sp;
                else if (best == null)
                    best = sp;
            }
            if (best == null)
                return null;
            SequencePoint at = best.Value;
            string file = _pdb.GetString(_pdb.GetDocument(at.Document).Name);
            return new Location { File = file, Line = at.StartLine, Column = at.StartColumn };
        }

        public string TypeName(TypeDefinitionHandle handle)
        {
            TypeDefinition t = _md.GetTypeDefinition(handle);
            string name = _md.GetString(t.Name);
            TypeDefinitionHandle outer = t.GetDeclaringType();
            if (!outer.IsNil)
                return TypeName(outer) + "+" + name;
            string ns = _md.GetString(t.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        public string TypeName(TypeReferenceHandle handle)
        {
            TypeReference t = _md.GetTypeReference(handle);
            string name = _md.GetString(t.Name);
            if (t.ResolutionScope.Kind == HandleKind.TypeReference)
                return TypeName((TypeReferenceHandle)t.ResolutionScope) + "+" + name;
            string ns = _md.GetString(t.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        // (IL offset, token) of each instruction with a method token: call, callvirt, newobj, ldftn, ldvirtftn, jmp.
        private static IEnumerable<(int, int)> MethodTokens(byte[] il)
        {
            int i = 0;
            while (i < il.Length)
            {
                int at = i;
                byte op = il[i++];
                if (op == 0xFE)
                {
                    if (i >= il.Length)
                        yield break;
                    byte op2 = il[i++];
                    if ((op2 == 0x06 || op2 == 0x07) && i + 4 <= il.Length)
                        yield return (at, BitConverter.ToInt32(il, i));
                    i += TwoByteOperandSize(op2);
                    continue;
                }
                if ((op == 0x27 || op == 0x28 || op == 0x6F || op == 0x73) && i + 4 <= il.Length)
                    yield return (at, BitConverter.ToInt32(il, i));
                if (op == 0x45)
                {
                    if (i + 4 > il.Length)
                        yield break;
                    int n = BitConverter.ToInt32(il, i);
                    i += 4 + 4 * n;
                    continue;
                }
                i += OneByteOperandSize(op);
            }
        }

        private static int OneByteOperandSize(byte op)
        {
            if (op >= 0x0E && op <= 0x13) return 1;            // ldarg.s .. stloc.s
            if (op == 0x1F) return 1;                          // ldc.i4.s
            if (op == 0x20 || op == 0x22) return 4;            // ldc.i4, ldc.r4
            if (op == 0x21 || op == 0x23) return 8;            // ldc.i8, ldc.r8
            if (op >= 0x2B && op <= 0x37) return 1;            // short branches
            if (op >= 0x38 && op <= 0x44) return 4;            // branches
            if (op == 0xDE) return 1;                          // leave.s
            if (op == 0xDD) return 4;                          // leave
            if (op == 0x27 || op == 0x28 || op == 0x29 || op == 0x6F || op == 0x73) return 4;
            if (op >= 0x70 && op <= 0x75) return 4;            // cpobj ldobj ldstr (newobj) castclass isinst
            if (op == 0x79 || (op >= 0x7B && op <= 0x81)) return 4;   // unbox, field access, stobj
            if (op == 0x8C || op == 0x8D || op == 0x8F) return 4;     // box newarr ldelema
            if (op == 0xA3 || op == 0xA4 || op == 0xA5) return 4;     // ldelem stelem unbox.any
            if (op == 0xC2 || op == 0xC6 || op == 0xD0) return 4;     // refanyval mkrefany ldtoken
            return 0;
        }

        private static int TwoByteOperandSize(byte op)
        {
            if (op == 0x06 || op == 0x07 || op == 0x15 || op == 0x16 || op == 0x1C) return 4;   // ldftn ldvirtftn initobj constrained. sizeof
            if (op >= 0x09 && op <= 0x0E) return 2;            // ldarg ldarga starg ldloc ldloca stloc
            if (op == 0x12 || op == 0x19) return 1;            // unaligned. no.
            return 0;
        }

        public sealed class SignatureShape
        {
            public string Name;
            public bool IsReference;
            public int Rank;                    // > 0: a multi-dimensional array of Element
            public SignatureShape Element;
        }

        private sealed class ShapeProvider : ISignatureTypeProvider<SignatureShape, object>
        {
            private readonly AssemblyScan _scan;
            public ShapeProvider(AssemblyScan scan) { _scan = scan; }

            private static SignatureShape Named(string name, bool reference) => new SignatureShape { Name = name, IsReference = reference };

            public SignatureShape GetPrimitiveType(PrimitiveTypeCode code) =>
                Named("System." + code, code == PrimitiveTypeCode.String || code == PrimitiveTypeCode.Object);
            public SignatureShape GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte kind) =>
                Named(_scan.TypeName(handle), kind != (byte)SignatureTypeKind.ValueType);
            public SignatureShape GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte kind) =>
                Named(_scan.TypeName(handle), kind != (byte)SignatureTypeKind.ValueType);
            public SignatureShape GetTypeFromSpecification(MetadataReader reader, object context, TypeSpecificationHandle handle, byte kind) =>
                reader.GetTypeSpecification(handle).DecodeSignature(this, context);
            public SignatureShape GetArrayType(SignatureShape element, ArrayShape shape) =>
                new SignatureShape { Name = element.Name + "[" + new string(',', shape.Rank - 1) + "]", IsReference = true, Rank = shape.Rank, Element = element };
            public SignatureShape GetSZArrayType(SignatureShape element) => Named(element.Name + "[]", true);
            public SignatureShape GetGenericInstantiation(SignatureShape generic, System.Collections.Immutable.ImmutableArray<SignatureShape> arguments) => generic;
            public SignatureShape GetByReferenceType(SignatureShape element) => element;
            public SignatureShape GetPointerType(SignatureShape element) => Named(element.Name + "*", false);
            public SignatureShape GetPinnedType(SignatureShape element) => element;
            public SignatureShape GetModifiedType(SignatureShape modifier, SignatureShape unmodified, bool isRequired) => unmodified;
            public SignatureShape GetFunctionPointerType(MethodSignature<SignatureShape> signature) => Named("fnptr", false);
            // A type parameter: its instantiation is not known here; shared code treats it as a reference.
            public SignatureShape GetGenericTypeParameter(object context, int index) => Named("!" + index, true);
            public SignatureShape GetGenericMethodParameter(object context, int index) => Named("!!" + index, true);
        }
    }
}
