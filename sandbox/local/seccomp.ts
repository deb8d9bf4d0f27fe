/**
 * The seccomp filter every sandbox launch runs under (`bwrap --seccomp FD`), compiled here to classic BPF
 * (`struct sock_filter[]`, 8 bytes each, host byte order) so no libseccomp is needed. It denies what lets
 * code reach past its own processes (ptrace, another process's memory, kernel keyrings), large kernel
 * attack surface a sandbox has no use for (io_uring, userfaultfd, bpf, perf, modules, kexec) and AF_VSOCK
 * sockets (the hypervisor's channel); the other calls stay open: namespaces, no capabilities and the
 * cgroup are the rest of the fence.
 */

/** Fd bubblewrap reads the program from; the launcher puts it there. */
export const SECCOMP_FD = 4;

const AUDIT_ARCH = { x64: 0xc000003e, arm64: 0xc00000b7 } as const;
const X32_SYSCALL_BIT = 0x40000000;
const AF_VSOCK = 40;
const EPERM = 1;
const ENOSYS = 38;

const LD_W_ABS = 0x20;
const JEQ_K = 0x15;
const JGE_K = 0x35;
const RET_K = 0x06;
const RET_ALLOW = 0x7fff0000;
const retErrno = (errno: number) => 0x00050000 | errno;
/** seccomp_data offsets: nr, arch, then args[0] (its low half on little-endian hosts). */
const NR = 0;
const ARCH = 4;
const ARG0 = 16;

interface Syscalls {
  /** Denied with EPERM. */
  readonly eperm: readonly number[];
  /** Denied with ENOSYS, so callers fall back as on an older kernel (libuv without io_uring). */
  readonly enosys: readonly number[];
  /** socket(2) and socketpair(2): denied with EPERM for AF_VSOCK only. */
  readonly sockets: readonly number[];
}

// ptrace, process_vm_readv/writev, keyctl, add_key, request_key, userfaultfd, bpf, perf_event_open,
// kexec_load, kexec_file_load, init/finit/delete_module, open_by_handle_at, pidfd_getfd, process_madvise.
const TABLES: Record<keyof typeof AUDIT_ARCH, Syscalls> = {
  x64: {
    eperm: [101, 310, 311, 250, 248, 249, 323, 321, 298, 246, 320, 175, 313, 176, 304, 438, 440],
    enosys: [425, 426, 427],
    sockets: [41, 53],
  },
  arm64: {
    eperm: [117, 270, 271, 219, 217, 218, 282, 280, 241, 104, 294, 105, 273, 106, 265, 438, 440],
    enosys: [425, 426, 427],
    sockets: [198, 199],
  },
};

type Insn = readonly [code: number, jt: number, jf: number, k: number];

function archBlock(arch: keyof typeof AUDIT_ARCH): Insn[] {
  const t = TABLES[arch];
  const out: Insn[] = [[LD_W_ABS, 0, 0, NR]];
  // x32 calls reach the same kernel entry points under other numbers: refuse them all.
  if (arch === 'x64') out.push([JGE_K, 0, 1, X32_SYSCALL_BIT], [RET_K, 0, 0, retErrno(EPERM)]);
  for (const nr of t.eperm) out.push([JEQ_K, 0, 1, nr], [RET_K, 0, 0, retErrno(EPERM)]);
  for (const nr of t.enosys) out.push([JEQ_K, 0, 1, nr], [RET_K, 0, 0, retErrno(ENOSYS)]);
  const [socket, socketpair] = t.sockets as [number, number];
  out.push(
    [JEQ_K, 1, 0, socket],
    [JEQ_K, 0, 4, socketpair],
    [LD_W_ABS, 0, 0, ARG0],
    [JEQ_K, 0, 1, AF_VSOCK],
    [RET_K, 0, 0, retErrno(EPERM)],
    [RET_K, 0, 0, RET_ALLOW],
  );
  out.push([RET_K, 0, 0, RET_ALLOW]);
  return out;
}

/** The filter for both supported architectures; any other (i386 through `int 0x80`, arm32) gets ENOSYS. */
function compile(): Buffer {
  const x64 = archBlock('x64');
  const arm64 = archBlock('arm64');
  const program: Insn[] = [
    [LD_W_ABS, 0, 0, ARCH],
    [JEQ_K, 0, x64.length, AUDIT_ARCH.x64],
    ...x64,
    [JEQ_K, 0, arm64.length, AUDIT_ARCH.arm64],
    ...arm64,
    [RET_K, 0, 0, retErrno(ENOSYS)],
  ];
  const buf = Buffer.alloc(program.length * 8);
  program.forEach(([code, jt, jf, k], i) => {
    if (jt > 255 || jf > 255) throw new Error('seccomp jump out of range');
    buf.writeUInt16LE(code, i * 8);
    buf.writeUInt8(jt, i * 8 + 2);
    buf.writeUInt8(jf, i * 8 + 3);
    buf.writeUInt32LE(k, i * 8 + 4);
  });
  return buf;
}

/** The compiled program, or null on a host architecture the tables do not cover (the backend refuses those). */
export const SECCOMP_PROGRAM: Buffer | null = process.arch === 'x64' || process.arch === 'arm64' ? compile() : null;

/** Syscall numbers the launcher needs on this host (keyctl, close, dup3), or null when unknown. */
export const LAUNCHER_SYSCALLS: { keyctl: number; close: number; dup3: number } | null =
  process.arch === 'x64' ? { keyctl: 250, close: 3, dup3: 292 } : process.arch === 'arm64' ? { keyctl: 219, close: 57, dup3: 24 } : null;
