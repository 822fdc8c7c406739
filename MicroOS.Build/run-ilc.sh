#!/bin/sh
# Runs ILC with a response file, keeps its output in a log (and shows it), and returns its status.
# When ILC fails, the MicroOSIlcFailure task (IlcFailure.cs, MicroOS.Native.targets) reads the log
# and restates the failure as one MSBuild error with the source file and line: ILC reports a
# missing runtime contract piece deep inside a stack trace and without a location.
# usage: run-ilc.sh <ilc> <rsp> <log>
ilc="$1"; rsp="$2"; log="$3"
"$ilc" @"$rsp" > "$log" 2>&1
status=$?
cat "$log"
exit "$status"
