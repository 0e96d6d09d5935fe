// Language: Rc/Weak/RefCell/Cell — a tree with Weak parent links, strong/weak counts, upgrade after
// drop, a failed try_borrow_mut while borrowed, Cell counters, and Drop order made visible.
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

struct Node {
    name: String,
    parent: RefCell<Weak<Node>>,
    children: RefCell<Vec<Rc<Node>>>,
    visits: Cell<u32>,
}

impl Node {
    fn new(name: &str) -> Rc<Node> {
        Rc::new(Node {
            name: name.to_string(),
            parent: RefCell::new(Weak::new()),
            children: RefCell::new(Vec::new()),
            visits: Cell::new(0),
        })
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        println!("drop {}", self.name);
    }
}

fn add_child(parent: &Rc<Node>, child: &Rc<Node>) {
    *child.parent.borrow_mut() = Rc::downgrade(parent);
    parent.children.borrow_mut().push(Rc::clone(child));
}

fn path(node: &Rc<Node>) -> String {
    node.visits.set(node.visits.get() + 1);
    match node.parent.borrow().upgrade() {
        Some(p) => format!("{}/{}", path(&p), node.name),
        None => node.name.clone(),
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let leaf = Node::new("leaf");
    {
        let root = Node::new("root");
        let branch = Node::new("branch");
        add_child(&root, &branch);
        add_child(&branch, &leaf);
        println!("path: {}", path(&leaf));
        println!("root strong={} weak={}", Rc::strong_count(&root), Rc::weak_count(&root));
        println!("branch strong={} weak={}", Rc::strong_count(&branch), Rc::weak_count(&branch));
        println!("root visits: {}", root.visits.get());
        tokio::task::yield_now().await;
        let borrowed = root.children.borrow();
        println!("try_borrow_mut while borrowed: {}", root.children.try_borrow_mut().is_err());
        drop(borrowed);
        println!("try_borrow_mut after drop: {}", root.children.try_borrow_mut().is_ok());
        println!("leaving the block");
    }
    println!("leaf's parent after the block: {:?}", leaf.parent.borrow().upgrade().map(|p| p.name.clone()));
    println!("leaf strong={}", Rc::strong_count(&leaf));

    let shared = Rc::new(RefCell::new(vec![1, 2]));
    let alias = Rc::clone(&shared);
    alias.borrow_mut().push(3);
    println!("{:?} same allocation: {}", shared.borrow(), Rc::ptr_eq(&shared, &alias));
    drop(alias);
    let inner = Rc::try_unwrap(shared).unwrap().into_inner();
    println!("unwrapped {:?}", inner);
    let counter = Cell::new(5);
    let old = counter.replace(8);
    println!("cell: old {old}, now {}, take {}, after take {}", counter.get(), counter.take(), counter.get());
    println!("end of main");
}
