//go:build !purego

#include "textflag.h"

// MIX lowers the minima of eight permutations, min, to the hashes under
// them of the shingle broadcast in Z8: mix64(shingle^seed), the seeds at
// seed in memory, with t and u for scratch. Z9 and Z10 hold mix64's
// multipliers. Only Z0-Z15 are used, so that VZEROUPPER leaves no vector
// state for the system to save.
#define MIX(seed, min, t, u) \
	VPXORQ  seed, Z8, t; \
	VPSRLQ  $30, t, u;   \
	VPXORQ  u, t, t;     \
	VPMULLQ Z9, t, t;    \
	VPSRLQ  $27, t, u;   \
	VPXORQ  u, t, t;     \
	VPMULLQ Z10, t, t;   \
	VPSRLQ  $31, t, u;   \
	VPXORQ  u, t, t;     \
	VPMINUQ t, min, min

// func minima64AVX512(m *[64]uint64, seeds *[64]uint64, shingles []uint64)
TEXT ·minima64AVX512(SB), NOSPLIT, $0-40
	MOVQ m+0(FP), DI
	MOVQ seeds+8(FP), SI
	MOVQ shingles_base+16(FP), BX
	MOVQ shingles_len+24(FP), CX

	VMOVDQU64 0(DI), Z0
	VMOVDQU64 64(DI), Z1
	VMOVDQU64 128(DI), Z2
	VMOVDQU64 192(DI), Z3
	VMOVDQU64 256(DI), Z4
	VMOVDQU64 320(DI), Z5
	VMOVDQU64 384(DI), Z6
	VMOVDQU64 448(DI), Z7

	MOVQ         $0xbf58476d1ce4e5b9, AX
	VPBROADCASTQ AX, Z9
	MOVQ         $0x94d049bb133111eb, AX
	VPBROADCASTQ AX, Z10

	TESTQ CX, CX
	JZ    done

loop:
	VPBROADCASTQ (BX), Z8
	MIX(0(SI), Z0, Z11, Z12)
	MIX(64(SI), Z1, Z13, Z14)
	MIX(128(SI), Z2, Z15, Z12)
	MIX(192(SI), Z3, Z11, Z14)
	MIX(256(SI), Z4, Z13, Z12)
	MIX(320(SI), Z5, Z15, Z14)
	MIX(384(SI), Z6, Z11, Z12)
	MIX(448(SI), Z7, Z13, Z14)
	ADDQ $8, BX
	DECQ CX
	JNZ  loop

done:
	VMOVDQU64 Z0, 0(DI)
	VMOVDQU64 Z1, 64(DI)
	VMOVDQU64 Z2, 128(DI)
	VMOVDQU64 Z3, 192(DI)
	VMOVDQU64 Z4, 256(DI)
	VMOVDQU64 Z5, 320(DI)
	VMOVDQU64 Z6, 384(DI)
	VMOVDQU64 Z7, 448(DI)
	VZEROUPPER
	RET
