print("jianzheng")
