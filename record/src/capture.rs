//! The program's output, as `print` events in their place among the runtime's events.
//!
//! The program stays unchanged (`println!` and `eprintln!`, or anything else writing to fd 1 and 2), so
//! the recorder defines the C library's `write` and `writev`: the executable's own definition takes
//! precedence over libc's for every call in the process (Rust's std writes stdout and stderr through
//! them). Each call on fd 1 or 2 becomes a `print` event on the calling thread at that moment, then
//! goes to the kernel unchanged with the raw system call. Only while recording; the file the trace is
//! written to and every other descriptor pass straight through.

use std::sync::atomic::{AtomicBool, Ordering};

use crate::subscriber::with_state;

pub(crate) static CAPTURING: AtomicBool = AtomicBool::new(false);

fn record(fd: libc::c_int, bytes: &[u8]) {
    let stream = if fd == 1 { "stdout" } else { "stderr" };
    let text = String::from_utf8_lossy(bytes).into_owned();
    with_state(|st, thread, _| st.print(thread, text, stream));
}

/// # Safety
/// The C `write` contract: `buf` points to `n` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn write(
    fd: libc::c_int,
    buf: *const libc::c_void,
    n: libc::size_t,
) -> libc::ssize_t {
    let r = libc::syscall(libc::SYS_write, fd, buf, n) as libc::ssize_t;
    if r > 0 && (fd == 1 || fd == 2) && CAPTURING.load(Ordering::Relaxed) {
        // What the kernel took, after it took it: a short write is recorded as written.
        record(fd, std::slice::from_raw_parts(buf as *const u8, r as usize));
    }
    r
}

/// # Safety
/// The C `writev` contract: `iov` points to `cnt` valid `iovec`s.
#[no_mangle]
pub unsafe extern "C" fn writev(
    fd: libc::c_int,
    iov: *const libc::iovec,
    cnt: libc::c_int,
) -> libc::ssize_t {
    let r = libc::syscall(libc::SYS_writev, fd, iov, cnt) as libc::ssize_t;
    if r > 0 && (fd == 1 || fd == 2) && CAPTURING.load(Ordering::Relaxed) && cnt > 0 {
        let mut left = r as usize;
        let mut bytes = Vec::with_capacity(left);
        for v in std::slice::from_raw_parts(iov, cnt as usize) {
            let take = v.iov_len.min(left);
            bytes.extend_from_slice(std::slice::from_raw_parts(v.iov_base as *const u8, take));
            left -= take;
            if left == 0 {
                break;
            }
        }
        record(fd, &bytes);
    }
    r
}
