// SPDX-License-Identifier: GPL-2.0
/*
 * driftguard: the socket hooks (listen, bind, connect): adapters for net.c,
 * in the hook table (hooks.c).
 */
#include <linux/ftrace.h>
#include <linux/net.h>
#include <linux/socket.h>

#include "hooks-handlers.h"
#include "net.h"

/*
 * int security_socket_listen(struct socket *sock, int backlog),
 * int security_socket_bind(struct socket *sock, struct sockaddr *address,
 *			    int addrlen),
 * int security_socket_connect(struct socket *sock, struct sockaddr *address,
 *			       int addrlen): the address already copied from
 * the caller. Installed once a policy turns listen or connect on: other
 * nodes pay nothing on their sockets.
 */
void notrace dg_hook_socket_listen(unsigned long ip, unsigned long pip,
				   struct ftrace_ops *ops,
				   struct ftrace_regs *fregs)
{
	struct pt_regs *regs = dg_regs(fregs);

	if (dg_net_listen((struct socket *)regs_get_kernel_argument(regs, 0)))
		dg_redirect(regs);
}

void notrace dg_hook_socket_bind(unsigned long ip, unsigned long pip,
				 struct ftrace_ops *ops,
				 struct ftrace_regs *fregs)
{
	struct pt_regs *regs = dg_regs(fregs);

	if (dg_net_bind((struct socket *)regs_get_kernel_argument(regs, 0),
			(struct sockaddr *)regs_get_kernel_argument(regs, 1),
			(int)regs_get_kernel_argument(regs, 2)))
		dg_redirect(regs);
}

void notrace dg_hook_socket_connect(unsigned long ip, unsigned long pip,
				    struct ftrace_ops *ops,
				    struct ftrace_regs *fregs)
{
	struct pt_regs *regs = dg_regs(fregs);

	if (dg_net_connect((struct socket *)regs_get_kernel_argument(regs, 0),
			   (struct sockaddr *)regs_get_kernel_argument(regs, 1),
			   (int)regs_get_kernel_argument(regs, 2)))
		dg_redirect(regs);
}
