using System.Collections.Generic;
using MicroOS.Shared.Contracts;
using MicroOS.Shared.User;

namespace MicroOS.Servers.KeyValue
{
    // Lab 2 (docs/labs/02-server.md): a key-value server. Server.Serve registers it with Names as `kv`
    // and runs the generated dispatcher (IKeyValue.Dispatcher), which decodes each request (a
    // malformed one never reaches these methods: it gets ContractError.BadMessage) and encodes the
    // answer. What is left to the server is the meaning: check what a client sent, keep the data.
    internal sealed class KeyValueServer : IKeyValue
    {
        [ServerMain] internal static int Main() => Server.Serve("kv", new IKeyValue.Dispatcher(new KeyValueServer()));

        // LAB 2 BEGIN: keep the keys and values; refuse what the contract says to refuse
        private readonly Dictionary<string, string> _values = new Dictionary<string, string>();

        public long Put(string key, string value)
        {
            if (!IsKey(key))
                return KvError.BadKey;
            if (value == null || value.Length > KeyValueLimits.MaxValue)
                return KvError.BadValue;
            if (_values.ContainsKey(key))
            {
                _values[key] = value;
                return 1;
            }
            if (_values.Count == KeyValueLimits.MaxKeys)
                return KvError.Full;
            _values.Add(key, value);
            return 0;
        }

        public long Get(string key, out string value)
        {
            value = null;
            if (!IsKey(key))
                return KvError.BadKey;
            if (!_values.TryGetValue(key, out value))
                return KvError.NotFound;
            return value.Length;
        }

        public long Delete(string key)
        {
            if (!IsKey(key))
                return KvError.BadKey;
            return _values.Remove(key) ? 0 : KvError.NotFound;
        }

        public long Count() => _values.Count;

        private static bool IsKey(string key)
        {
            if (key == null || key.Length == 0 || key.Length > KeyValueLimits.MaxKey)
                return false;
            foreach (char c in key)
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'))
                    return false;
            return true;
        }
        // LAB 2 STARTER
        // public long Put(string key, string value) => KvError.NotImplemented;
        //
        // public long Get(string key, out string value)
        // {
        //     value = null;
        //     return KvError.NotImplemented;
        // }
        //
        // public long Delete(string key) => KvError.NotImplemented;
        //
        // public long Count() => KvError.NotImplemented;
        // LAB 2 END
    }
}
