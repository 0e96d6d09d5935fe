// When main returns, the runtime shuts down and drops every task that has not finished, even
// one that never got to run: on current_thread a task spawned right before return never prints.
#[tokio::main(flavor = "current_thread")]
async fn main() {
    tokio::spawn(async {
        println!("spawned task: never printed, main never yielded to it");
    });
    println!("main: spawned a task and returns without awaiting anything");
}
