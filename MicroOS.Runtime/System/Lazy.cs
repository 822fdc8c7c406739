namespace System
{
    // A value made on first use. One thread runs managed code at a time, so the factory runs once
    // unless it blocks in a syscall and another thread asks meanwhile; an exception from the factory
    // is cached and rethrown on every later Value, as .NET's default (ExecutionAndPublication) mode does.
    public class Lazy<T>
    {
        private Func<T> _factory;
        private T _value;
        private bool _created;
        private Exception _failure;

        public Lazy() : this(CreateDefault) { }
        public Lazy(bool isThreadSafe) : this(CreateDefault) { }
        public Lazy(Func<T> valueFactory)
        {
            _factory = valueFactory ?? throw new ArgumentNullException("valueFactory");
        }
        public Lazy(Func<T> valueFactory, bool isThreadSafe) : this(valueFactory) { }
        public Lazy(T value)
        {
            _value = value;
            _created = true;
        }

        private static T CreateDefault() => Activator.CreateInstance<T>();

        public bool IsValueCreated => _created;

        public T Value
        {
            get
            {
                if (_created) return _value;
                if (_failure != null) throw _failure;
                Func<T> factory = _factory;
                if (factory == null)
                    throw new InvalidOperationException("ValueFactory attempted to access the Value property of this instance.");
                _factory = null;        // a factory that reads Value again finds none
                try
                {
                    _value = factory();
                }
                catch (Exception e)
                {
                    _failure = e;
                    throw;
                }
                _created = true;
                return _value;
            }
        }

        public override string ToString() => _created ? _value?.ToString() ?? "" : "Value is not created.";
    }
}
