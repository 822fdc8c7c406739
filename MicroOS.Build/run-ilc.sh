#!/bin/sh
# Runs ILC with a response file and, when it fails, restates the failure as one MSBuild error that
# names what MicroOS.Runtime lacks and the method that needed it. ILC reports a missing runtime
# contract piece (a helper type or method it expects in the core library) deep inside a stack trace:
#   Code generation failed for method '[Server]Ns.Type.Method(...)'
#   ---> System.InvalidOperationException: Expected type 'Internal.Runtime.X' not found in module ...
# usage: run-ilc.sh <ilc> <rsp> <log>
ilc="$1"; rsp="$2"; log="$3"
"$ilc" @"$rsp" > "$log" 2>&1
status=$?
cat "$log"
if [ "$status" -ne 0 ]; then
    method=$(sed -n "s/.*Code generation failed for method '\([^']*\)'.*/\1/p" "$log" | head -n 1)
    missing=$(sed -n "s/.*\(Expected [a-z]* '[^']*' not found [^ ]* [^ ]* '[^']*'\).*/\1/p" "$log" | head -n 1)
    if [ -n "$method" ]; then
        echo "error MOS0001: ILC could not compile $method: ${missing:-see the ILC output above}. The calling code uses a feature MicroOS.Runtime does not provide (docs/writing-a-server.md lists what is supported)."
    else
        echo "error MOS0002: ILC failed (exit code $status); see its output above."
    fi
fi
exit "$status"
