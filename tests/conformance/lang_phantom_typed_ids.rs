// Language: `PhantomData` typed ids — a generic `Id<T>` that stores only a number, so a user id and an
// order id cannot be mixed up; derived Copy/Eq/Ord/Hash/Default on structs holding a PhantomData.
use std::collections::HashMap;
use std::marker::PhantomData;

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
struct Id<T> {
    raw: u32,
    _kind: PhantomData<T>,
}

impl<T> Id<T> {
    fn new(raw: u32) -> Self {
        Id { raw, _kind: PhantomData }
    }
}

// Derived impls on `Id<T>` need `T` to have them too: the kinds are unit structs that derive them all.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
struct User;
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
struct Order;

struct Store<T> {
    next: u32,
    items: HashMap<u32, String>,
    _kind: PhantomData<T>,
}

impl<T> Store<T> {
    fn new() -> Self {
        Store { next: 1, items: HashMap::new(), _kind: PhantomData }
    }
    fn insert(&mut self, item: &str) -> Id<T> {
        let id = Id::new(self.next);
        self.next += 1;
        self.items.insert(id.raw, item.to_string());
        id
    }
    fn get(&self, id: Id<T>) -> Option<&String> {
        self.items.get(&id.raw)
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut users: Store<User> = Store::new();
    let mut orders: Store<Order> = Store::new();
    let ada = users.insert("ada");
    let bob = users.insert("bob");
    let o1 = orders.insert("30 apples");
    println!("ada = {}, bob = {}, order = {}", ada.raw, bob.raw, o1.raw);
    println!("{:?} {:?}", users.get(bob), orders.get(o1));
    let copy = ada;
    println!("copied id still usable: {} {}", ada.raw, copy == ada);
    println!("ordering: {} {}", ada < bob, ada.max(bob).raw);
    let zero: Id<User> = Id::default();
    println!("default id {} missing {:?}", zero.raw, users.get(zero).map(|u| u.len()));
    let handle = tokio::spawn(async move { Id::<Order>::new(o1.raw + 100).raw });
    println!("from a task: {}", handle.await.unwrap());
    let _marker: PhantomData<String> = PhantomData;
    println!("markers are equal: {}", PhantomData::<u8> == PhantomData);
}
