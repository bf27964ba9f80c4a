// SPDX-License-Identifier: GPL-2.0
/*
 * Test program: makes executable memory that is not a file's content, or
 * writes process memory through /proc/<pid>/mem, one way per call, the way
 * in-memory loaders (JITs, shellcode stagers, DDexec) do.
 *
 *   memexec anon-mmap              mmap(PROT_RWX, MAP_PRIVATE|MAP_ANONYMOUS)
 *   memexec shared-anon-mmap       mmap(PROT_RWX, MAP_SHARED|MAP_ANONYMOUS)
 *   memexec anon-mprotect          anonymous RW, code written, mprotect RX
 *   memexec shared-anon-mprotect   shared anonymous RW, mprotect RX
 *   memexec written-private FILE   FILE mapped private RW, written, mprotect RX
 *   memexec file-mprotect FILE     FILE mapped read-only, then mprotect RX
 *   memexec procmem PID            open /proc/PID/mem for writing, write a
 *                                  byte at the address given as 2nd argument
 *                                  (default: a variable of our own)
 *   memexec procmem-read           open /proc/self/mem read-only and read
 *
 * Where code was made executable it is also run (a "ret" instruction), so
 * success means it ran. Prints "memexec: ok" and exits 0 on success;
 * prints "memexec: <step>: <errno text>" and exits 1 when the kernel said
 * EPERM or EACCES, 2 on any other failure (the test is broken).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>

#define RWX (PROT_READ | PROT_WRITE | PROT_EXEC)
#define RX (PROT_READ | PROT_EXEC)
#define RW (PROT_READ | PROT_WRITE)

static volatile unsigned char target = 1;

static int failed(const char *step)
{
	int e = errno;

	printf("memexec: %s: %s\n", step, strerror(e));
	return e == EPERM || e == EACCES ? 1 : 2;
}

/* Writes "ret" at @p and calls it. */
static int run_code(void *p)
{
	void (*fn)(void);

	*(volatile unsigned char *)p = 0xc3;
	fn = (void (*)(void))p;
	fn();
	printf("memexec: ok\n");
	return 0;
}

static int anon_mmap(int flags)
{
	void *p = mmap(NULL, 4096, RWX, flags | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		return failed("mmap PROT_READ|PROT_WRITE|PROT_EXEC");
	return run_code(p);
}

static int anon_mprotect(int flags)
{
	unsigned char *p = mmap(NULL, 4096, RW, flags | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		return failed("mmap PROT_READ|PROT_WRITE");
	p[0] = 0xc3;
	if (mprotect(p, 4096, RX))
		return failed("mprotect PROT_READ|PROT_EXEC");
	((void (*)(void))p)();
	printf("memexec: ok\n");
	return 0;
}

static int written_private(const char *file)
{
	int fd = open(file, O_RDONLY);
	unsigned char *p;

	if (fd < 0)
		return failed(file);
	p = mmap(NULL, 4096, RW, MAP_PRIVATE, fd, 0);
	if (p == MAP_FAILED)
		return failed("mmap of the file PROT_READ|PROT_WRITE");
	p[0] = 0xc3;
	if (mprotect(p, 4096, RX))
		return failed("mprotect of the written copy PROT_READ|PROT_EXEC");
	((void (*)(void))p)();
	printf("memexec: ok\n");
	return 0;
}

static int file_mprotect(const char *file)
{
	int fd = open(file, O_RDONLY);
	void *p;

	if (fd < 0)
		return failed(file);
	p = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 0);
	if (p == MAP_FAILED)
		return failed("mmap of the file PROT_READ");
	if (mprotect(p, 4096, RX))
		return failed("mprotect of the file mapping PROT_READ|PROT_EXEC");
	printf("memexec: ok\n");
	return 0;
}

static int procmem(const char *pid, const char *addr)
{
	unsigned long where = addr ? strtoul(addr, NULL, 0) :
				     (unsigned long)&target;
	unsigned char byte = 2;
	char path[64];
	int fd;

	snprintf(path, sizeof(path), "/proc/%s/mem", pid);
	fd = open(path, O_RDWR);
	if (fd < 0)
		return failed("open /proc/PID/mem for writing");
	if (pwrite(fd, &byte, 1, (off_t)where) != 1)
		return failed("write to /proc/PID/mem");
	if (!addr && target != 2) {
		printf("memexec: the write did not land\n");
		return 2;
	}
	printf("memexec: ok\n");
	return 0;
}

static int procmem_read(void)
{
	unsigned char byte;
	int fd = open("/proc/self/mem", O_RDONLY);

	if (fd < 0)
		return failed("open /proc/self/mem read-only");
	if (pread(fd, &byte, 1, (off_t)(unsigned long)&target) != 1)
		return failed("read /proc/self/mem");
	printf("memexec: ok\n");
	return 0;
}

int main(int argc, char **argv)
{
	const char *how = argc > 1 ? argv[1] : "";

	setvbuf(stdout, NULL, _IONBF, 0);
	if (!strcmp(how, "anon-mmap"))
		return anon_mmap(MAP_PRIVATE);
	if (!strcmp(how, "shared-anon-mmap"))
		return anon_mmap(MAP_SHARED);
	if (!strcmp(how, "anon-mprotect"))
		return anon_mprotect(MAP_PRIVATE);
	if (!strcmp(how, "shared-anon-mprotect"))
		return anon_mprotect(MAP_SHARED);
	if (!strcmp(how, "written-private") && argc > 2)
		return written_private(argv[2]);
	if (!strcmp(how, "file-mprotect") && argc > 2)
		return file_mprotect(argv[2]);
	if (!strcmp(how, "procmem") && argc > 2)
		return procmem(argv[2], argc > 3 ? argv[3] : NULL);
	if (!strcmp(how, "procmem-read"))
		return procmem_read();
	fprintf(stderr, "usage: memexec anon-mmap|shared-anon-mmap|anon-mprotect|"
		"shared-anon-mprotect|written-private FILE|file-mprotect FILE|"
		"procmem PID [ADDR]|"
		"procmem-read\n");
	return 2;
}
