// Language: the typestate pattern — a connection whose state is a type parameter held in a PhantomData,
// so `send` exists only on an open connection; each transition consumes `self` and returns a new type.
use std::marker::PhantomData;

struct Closed;
struct Open;

struct Conn<S> {
    peer: String,
    sent: Vec<String>,
    _state: PhantomData<S>,
}

impl Conn<Closed> {
    fn new(peer: &str) -> Self {
        Conn { peer: peer.to_string(), sent: Vec::new(), _state: PhantomData }
    }
    fn connect(self) -> Conn<Open> {
        println!("connecting to {}", self.peer);
        Conn { peer: self.peer, sent: self.sent, _state: PhantomData }
    }
}

impl Conn<Open> {
    fn send(mut self, msg: &str) -> Self {
        self.sent.push(msg.to_uppercase());
        self
    }
    fn close(self) -> Conn<Closed> {
        println!("closing after {} messages: {:?}", self.sent.len(), self.sent);
        Conn { peer: self.peer, sent: Vec::new(), _state: PhantomData }
    }
}

impl<S> Conn<S> {
    fn peer(&self) -> &str {
        &self.peer
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let conn = Conn::new("db:5432");
    println!("peer {}", conn.peer());
    let open = conn.connect().send("hello").send("world");
    let task = tokio::spawn(async move {
        tokio::task::yield_now().await;
        open.send("from a task").close()
    });
    let closed = task.await.unwrap();
    println!("closed, sent now {}, peer {}", closed.sent.len(), closed.peer());
}
