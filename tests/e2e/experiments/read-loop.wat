;; The stand-in reader of jspi-reads.mjs: for each chunk, call the import `read` (which copies the
;; chunk to memory at 0 and returns its length), then sum its bytes `work` times.
(module
  (import "env" "read" (func $read (param i32) (result i32)))
  (memory (export "mem") 256)
  ;; run(chunks, work): for each chunk, await read(k) (bytes copied into memory at 0), then "parse":
  ;; a byte-summing loop repeated `work` times over the bytes.
  (func (export "run") (param $chunks i32) (param $work i32) (result i32)
    (local $k i32) (local $n i32) (local $i i32) (local $r i32) (local $sum i32)
    (local.set $k (i32.const 0))
    (block $done
      (loop $chunk
        (br_if $done (i32.ge_u (local.get $k) (local.get $chunks)))
        (local.set $n (call $read (local.get $k)))
        (local.set $r (i32.const 0))
        (block $rd (loop $rep
          (br_if $rd (i32.ge_u (local.get $r) (local.get $work)))
          (local.set $i (i32.const 0))
          (block $b (loop $l
            (br_if $b (i32.ge_u (local.get $i) (local.get $n)))
            (local.set $sum (i32.add (local.get $sum) (i32.load8_u (local.get $i))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $l)))
          (local.set $r (i32.add (local.get $r) (i32.const 1)))
          (br $rep)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $chunk)))
    (local.get $sum))
)
