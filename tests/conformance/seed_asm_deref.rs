// Seed example (async notes, CPU and OS), verbatim: inline assembly reads a usize through a raw
// pointer (`mov {0}, [{1}]`), showing how the CPU dereferences memory. x86_64 only.
use std::arch::asm; // Required to use the asm! macro

fn main() {
    let t = 100;
    let t_ptr: *const usize = &t;

    // Fixed the function name typo here
    let x = de_ref(t_ptr);

    println!("Value from memory: {}", x);
}

fn de_ref(ptr: *const usize) -> usize {
    let mut res: usize = 0; // Initialized to satisfy the compiler
    unsafe {
        // {0} refers to 'res' (output), {1} refers to 'ptr' (input)
        asm!(
            "mov {0}, [{1}]",
            out(reg) res,
            in(reg) ptr
        );
    }
    res
}
