#define _GNU_SOURCE
#include "process_control.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>
#include <sys/prctl.h>

int galley_die_with_parent(void) {
    return prctl(PR_SET_PDEATHSIG, SIGKILL);
}

int galley_pipe_cloexec(int descriptors[2]) {
    return pipe2(descriptors, O_CLOEXEC);
}
