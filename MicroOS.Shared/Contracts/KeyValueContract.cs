namespace MicroOS.Shared.Contracts
{
    // The key-value server of lab 2 (docs/labs/02-server.md; MicroOS.Servers/KeyValue): text values
    // by text key, in the server's memory. Keys are 1..MaxKey bytes of [a-z0-9-_.]; values at most
    // MaxValue bytes; at most MaxKeys keys. Every method answers >= 0 or a negative KvError.
    [Contract]
    public partial interface IKeyValue
    {
        long Put(string key, string value);             // 0 new key, 1 replaced; BadKey, BadValue, Full
        long Get(string key, out string value);         // value's length; BadKey, NotFound
        long Delete(string key);                        // 0; BadKey, NotFound
        long Count();                                   // how many keys
    }

    public static class KeyValueLimits
    {
        public const int MaxKey = 32;
        public const int MaxValue = 160;
        public const int MaxKeys = 64;
    }

    // The server's own negative answers, below every SyscallError and ContractError (the generated
    // client passes them through as they are).
    public static class KvError
    {
        public const long NotFound = -1001;
        public const long BadKey = -1002;
        public const long BadValue = -1003;
        public const long Full = -1004;
        public const long NotImplemented = -1099;

        public static string Text(long error) => error switch
        {
            NotFound => "no such key",
            BadKey => "a key is 1..32 of a-z 0-9 - _ .",
            BadValue => "a value is at most 160 bytes",
            Full => "full (64 keys)",
            NotImplemented => "not implemented yet",
            _ => string.Concat("error ", error.ToString()),
        };
    }
}
