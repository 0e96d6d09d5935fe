// Language: a learner's bank account in integer cents — checked/saturating/overflowing/wrapping
// arithmetic, TryFrom between widths with TryFromIntError, From/into widening, and abs_diff.
use std::convert::TryFrom;

#[derive(Debug)]
struct Account { cents: u64 }

impl Account {
    fn withdraw(&mut self, amount: u64) -> Result<u64, String> {
        match self.cents.checked_sub(amount) {
            Some(left) => { self.cents = left; Ok(left) }
            None => Err(format!("insufficient: have {}, want {}", self.cents, amount)),
        }
    }
    fn deposit(&mut self, amount: u64) -> Option<u64> {
        self.cents = self.cents.checked_add(amount)?;
        Some(self.cents)
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut acc = Account { cents: 1_000 };
    println!("{:?}", acc.withdraw(300));
    println!("{:?}", acc.withdraw(800));
    println!("{:?}", acc.deposit(u64::MAX));
    println!("{:?} {:?}", acc.deposit(5), acc);
    println!("sat: {} {} {}", 5u32.saturating_sub(9), 250u8.saturating_add(10), i32::MIN.saturating_sub(1));
    println!("sat mul: {} {}", i64::MAX.saturating_mul(2), (-3i8).saturating_mul(100));
    println!("ovf: {:?} {:?} {:?}", 250u8.overflowing_add(10), 5u32.overflowing_sub(6), i32::MAX.overflowing_mul(2));
    println!("wrap: {} {} {} {}", 0u32.wrapping_sub(1), i8::MIN.wrapping_abs(), i16::MAX.wrapping_add(1), 7u64.wrapping_neg());
    println!("chk: {:?} {:?} {:?} {:?}", 10i32.checked_div(0), i32::MIN.checked_div(-1), 2u32.checked_pow(32), 3u8.checked_mul(85));
    println!("chk rem: {:?} {:?} {:?}", 10u8.checked_rem(3), 1u8.checked_shl(8), 200u8.checked_neg());
    println!("euclid: {} {} {} {}", (-7i32).rem_euclid(3), (-7i32) % 3, (-7i32).div_euclid(3), -7 / 3);
    println!("abs_diff: {} {}", 3u8.abs_diff(250), (-100i8).abs_diff(100));
    println!("{:?} {:?}", u8::try_from(255i32), u8::try_from(256i32));
    println!("{:?} {:?}", i8::try_from(200u8), u32::try_from(-1i64));
    match u16::try_from(70_000u32) {
        Ok(v) => println!("ok {v}"),
        Err(e) => println!("err: {e}"),
    }
    let small: u8 = 200;
    let wide: u64 = small.into();
    let signed = i64::from(small) - 300;
    let f: f64 = f64::from(3u32) / 2.0;
    println!("{} {} {} {}", wide * 1_000_000_000_000, signed, f, u32::from(true));
    let clamp = (signed as i32).clamp(-50, 50);
    println!("clamp {} {} {}", clamp, 300u32.min(200), 7.5f64.clamp(0.0, 5.0));
    let usize_idx: usize = usize::try_from(42u64).unwrap();
    println!("idx {}", usize_idx);
    let pct = (acc.cents as u128 * 10_000 / u64::MAX as u128) as u32;
    println!("pct {pct} pow {} {} {}", 2u64.pow(63), 10i128.pow(30), (-2i32).pow(31));
    println!("bits {} {} {} {}", 40u32.leading_zeros(), 40u32.trailing_zeros(), u64::MAX.count_ones(), 1u8.rotate_right(1));
}
