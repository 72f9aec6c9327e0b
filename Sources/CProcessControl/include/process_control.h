#ifndef GALLEY_PROCESS_CONTROL_H
#define GALLEY_PROCESS_CONTROL_H

/// Asks the kernel to send this process SIGKILL when its parent dies (Linux prctl PR_SET_PDEATHSIG, which Swift
/// cannot call itself because prctl is variadic). Returns 0 on success.
int galley_die_with_parent(void);

/// Makes a pipe whose two ends are close-on-exec from the start (pipe2 with O_CLOEXEC, which glibc declares only
/// under _GNU_SOURCE), so that a worker spawned by another thread at the same moment cannot inherit it.
int galley_pipe_cloexec(int descriptors[2]);

#endif
