// A panicking task's JoinError carries the panic payload: `into_panic` returns it as Box<dyn Any>,
// which is a &str for `panic!("literal")` and a String for `panic!("{}", x)`; try_into_panic on a
// cancelled task gives the JoinError back.
use std::time::Duration;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let literal = tokio::spawn(async { panic!("boom") });
    let formatted = tokio::spawn(async {
        let code = 42;
        panic!("failed with code {code}")
    });
    let sleeper = tokio::spawn(tokio::time::sleep(Duration::from_secs(5)));
    sleeper.abort();

    let err = literal.await.unwrap_err();
    println!("is_panic: {}, is_cancelled: {}", err.is_panic(), err.is_cancelled());
    let payload = err.into_panic();
    match payload.downcast_ref::<&str>() {
        Some(msg) => println!("literal payload (&str): {msg}"),
        None => println!("literal payload is not a &str"),
    }

    let payload = formatted.await.unwrap_err().into_panic();
    println!("formatted payload is a &str? {}", payload.downcast_ref::<&str>().is_some());
    match payload.downcast::<String>() {
        Ok(s) => println!("formatted payload (String): {s}"),
        Err(_) => println!("formatted payload is not a String"),
    }

    match sleeper.await.unwrap_err().try_into_panic() {
        Ok(_) => println!("unexpected panic payload"),
        Err(e) => println!("try_into_panic gave back: {e} / {e:?}"),
    }
}
