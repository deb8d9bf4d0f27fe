import { LAUNCHER_SYSCALLS, SECCOMP_PROGRAM } from './seccomp';

/** What the launcher sets up before it execs the launch's argv. */
export interface LauncherOptions {
  /** Fds ≥ 3 the launch keeps (bubblewrap's --info-fd and --args env fd); every other inherited one is closed. */
  readonly keepFds?: readonly number[];
  /** Put the seccomp program on fd 4 for `bwrap --seccomp 4` (sandboxed launches, not host helpers). */
  readonly seccomp?: boolean;
}

// Perl (Debian's perl-base is essential, and `perl -e` starts about as fast as `sh`), builtins only:
// `use POSIX` would cost ~50 ms a launch. Syscall numbers come in as arguments since they differ per arch.
const SCRIPT = [
  'my ($keyctl, $close, $dup3, $keep, $bpf) = splice(@ARGV, 0, 5);',
  // Join the cgroup(s) first, so nothing started below can run outside them.
  'while (@ARGV) { my $f = shift @ARGV; last if $f eq "--"; open(my $h, ">", $f) or exit 125; print $h "$$\\n"; close($h) or exit 125; }',
  // A fresh anonymous session keyring: the worker's keys and other launches' keys are out of reach.
  // ENOSYS (38 on both arches; `$!{ENOSYS}` would load Errno, ~3 ms): a kernel without keyrings has none to leak.
  'if ($keyctl && syscall($keyctl + 0, 1, 0) < 0 && $! + 0 != 38) { exit 125; }',
  'my %keep = map { $_ => 1 } split /,/, $keep;',
  'opendir(my $d, "/proc/self/fd") or exit 125; my @fds = grep { /^\\d+$/ && $_ > 2 && !$keep{$_} } readdir($d); closedir($d);',
  'syscall($close + 0, $_ + 0) for @fds;',
  // The filter goes through a pipe (it fits the pipe buffer), on fd 4 and inheritable; $r must stay in
  // scope until exec, or perl closes it.
  'my ($r, $w); if (length $bpf) { $^F = 1024; pipe($r, $w) or exit 125; syswrite($w, pack("H*", $bpf)) or exit 125; close($w);',
  '  if (fileno($r) != 4) { syscall($dup3 + 0, fileno($r) + 0, 4, 0) >= 0 or exit 125; syscall($close + 0, fileno($r) + 0); } }',
  'exec { $ARGV[0] } @ARGV; exit 127;',
].join('\n');

/**
 * argv that joins the cgroup(s) (writing its own pid into each `cgroup.procs`), starts a fresh session
 * keyring, closes every inherited fd ≥ 3 but `keepFds`, puts the seccomp program on fd 4 when asked,
 * and then execs `argv`, so nothing the launch starts runs outside the group or sees the worker's fds.
 */
export function launcherArgv(procsFiles: readonly string[], argv: readonly string[], options: LauncherOptions = {}): string[] {
  const sys = LAUNCHER_SYSCALLS;
  if (!sys) throw new Error(`No launcher syscall table for ${process.arch}`);
  const bpf = options.seccomp && SECCOMP_PROGRAM ? SECCOMP_PROGRAM.toString('hex') : '';
  return [
    '/usr/bin/perl',
    '-e',
    SCRIPT,
    '--',
    String(sys.keyctl),
    String(sys.close),
    String(sys.dup3),
    (options.keepFds ?? []).join(','),
    bpf,
    ...procsFiles,
    '--',
    ...argv,
  ];
}
