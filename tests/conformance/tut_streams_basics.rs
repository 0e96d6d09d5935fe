// Tokio tutorial (streams): iterate a stream with `while let Some(v) = stream.next().await`, then
// the pub/sub example made local — messages from a channel, filtered, mapped and limited to three.
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tokio_stream::StreamExt;

#[derive(Debug)]
struct Message {
    channel: String,
    content: String,
}

async fn publish(tx: mpsc::Sender<Result<Message, String>>) {
    for content in ["1", "two", "3", "four", "five", "6", "7"] {
        let msg = Message { channel: "numbers".to_string(), content: content.to_string() };
        if tx.send(Ok(msg)).await.is_err() {
            println!("publisher: subscriber went away");
            return;
        }
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut stream = tokio_stream::iter(&[1, 2, 3]);
    while let Some(v) = stream.next().await {
        println!("GOT = {:?}", v);
    }

    let (tx, rx) = mpsc::channel(2);
    tokio::spawn(publish(tx));

    let messages = ReceiverStream::new(rx)
        .filter(|msg| match msg {
            Ok(msg) if msg.content.len() == 1 => true,
            _ => false,
        })
        .map(|msg| msg.unwrap().content)
        .take(3);
    tokio::pin!(messages);

    while let Some(msg) = messages.next().await {
        println!("got = {:?}", msg);
    }
    println!("DONE");

    let first = Message { channel: "c".into(), content: "x".into() };
    println!("{} / {} / {:?}", first.channel, first.content, first);
    let doubled: Vec<i32> = tokio_stream::iter(vec![1, 2, 3]).map(|x| x * 2).collect().await;
    println!("collected {:?}", doubled);
}
