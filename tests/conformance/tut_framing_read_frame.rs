// Tokio tutorial (framing): a Connection with a Vec<u8> buffer and a cursor. read_frame parses a
// frame if enough bytes are buffered (Err(Incomplete) => Ok(None)), else reads more from the socket.
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

#[derive(Debug)]
enum Frame { Simple(String), Integer(i64) }
#[derive(Debug)]
enum Error { Incomplete, Other(String) }

struct Connection { stream: TcpStream, buffer: Vec<u8>, cursor: usize }

impl Connection {
    fn new(stream: TcpStream) -> Connection { Connection { stream, buffer: vec![0; 8], cursor: 0 } }

    fn check_frame(buf: &[u8]) -> Result<(Frame, usize), Error> {
        let Some(end) = buf.windows(2).position(|w| w == b"\r\n") else { return Err(Error::Incomplete) };
        let line = std::str::from_utf8(&buf[1..end]).map_err(|e| Error::Other(e.to_string()))?;
        let frame = match buf[0] {
            b'+' => Frame::Simple(line.to_string()),
            b':' => Frame::Integer(line.parse().map_err(|_| Error::Other(format!("bad integer {line:?}")))?),
            other => return Err(Error::Other(format!("unknown frame type {:?}", other as char))),
        };
        Ok((frame, end + 2))
    }

    fn parse_frame(&mut self) -> Result<Option<Frame>, Error> {
        match Connection::check_frame(&self.buffer[..self.cursor]) {
            Ok((frame, len)) => {
                self.buffer.drain(..len);
                self.buffer.resize(self.buffer.len() + len, 0);
                self.cursor -= len;
                Ok(Some(frame))
            }
            // Not enough data has been buffered
            Err(Error::Incomplete) => Ok(None),
            // An error was encountered
            Err(e) => Err(e),
        }
    }

    async fn read_frame(&mut self) -> Result<Option<Frame>, Error> {
        loop {
            if let Some(frame) = self.parse_frame()? { return Ok(Some(frame)); }
            // Ensure the buffer has capacity
            if self.buffer.len() == self.cursor {
                self.buffer.resize(self.cursor * 2, 0);
                println!("  (buffer grown to {} bytes)", self.buffer.len());
            }
            let n = self.stream.read(&mut self.buffer[self.cursor..]).await.unwrap();
            if 0 == n {
                return if self.cursor == 0 { Ok(None) } else { Err(Error::Other("connection reset by peer".into())) };
            }
            self.cursor += n;
        }
    }
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let (mut sock, _) = listener.accept().await.unwrap();
        for piece in ["+OK\r\n:4", "2\r\n+a longer simple string\r", "\n:-7\r\n", "+unfinish"] {
            sock.write_all(piece.as_bytes()).await.unwrap();
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    });
    let mut conn = Connection::new(TcpStream::connect(addr).await.unwrap());
    loop {
        match conn.read_frame().await {
            Ok(Some(frame)) => println!("frame: {:?}", frame),
            Ok(None) => { println!("clean end of stream"); break; }
            Err(e) => { println!("error: {:?}", e); break; }
        }
    }
}
